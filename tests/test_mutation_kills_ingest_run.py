"""Tests that kill mutants of digest.ingest.run that the other tests let survive (issue 17,
benchmarks/mutation.sh ingest.run). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
