"""Tests that kill mutants of digest.sitemodel.feeds that the other tests let survive (issue 17,
benchmarks/mutation.sh sitemodel.feeds). Each asserts what a user sees, expected values written out."""
from __future__ import annotations
