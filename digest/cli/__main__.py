"""`python -m digest.cli`: the console script, for tests and benchmarks."""
from . import main

main()
