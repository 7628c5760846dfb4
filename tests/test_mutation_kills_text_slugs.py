"""Tests that kill mutants of digest.text.slugs that the other tests let survive (issue 17,
benchmarks/mutation.sh text.slugs). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
