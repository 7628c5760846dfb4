"""Tests that kill mutants of digest.review.publish that the other tests let survive (issue 17,
benchmarks/mutation.sh review.publish). None needed so far: its one survivor is equivalent
(docs/testing.md). The file stays, as it is part of the module's test selection."""
from __future__ import annotations
