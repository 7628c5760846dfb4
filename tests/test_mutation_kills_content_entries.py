"""Tests that kill mutants of digest.content.entries that the other tests let survive (issue 17,
benchmarks/mutation.sh content.entries). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
