"""Tests that kill mutants of digest.translate.state that the other tests let survive (issue 17,
benchmarks/mutation.sh translate.state). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
