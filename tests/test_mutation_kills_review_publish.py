"""Tests that kill mutants of digest.review.publish that the other tests let survive (issue 17,
benchmarks/mutation.sh review.publish). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
