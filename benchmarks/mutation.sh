#!/usr/bin/env bash
# Mutation testing of the modules editors rely on (issue 17): content merging, review states
# and the publish gate, translation state, feeds, search folding, slugs. Needs
# `pip install -e '.[test,mutation]'`. Not run in CI (2 cores).
#
#   benchmarks/mutation.sh                                # every configured module
#   benchmarks/mutation.sh translate.state text.slugs     # some modules only
#   benchmarks/mutation.sh content.entries --sample 0     # all mutants, not the default sample
#   benchmarks/mutation.sh review.states --recheck        # check survivors again after adding tests
#
# Each module runs in its own working copy (.mutation/<module>/, ignored by git) with its own
# focused test selection (benchmarks/mutation.py); mutmut keeps the results there, so a second
# run checks only what was not checked yet. Scores: benchmarks/mutation_scores.py.
set -euo pipefail
cd "$(dirname "$0")/.."
python benchmarks/mutation.py "$@"
modules=()
for arg in "$@"; do
  case "$arg" in --*) ;; *[!0-9]*) modules+=("$arg") ;; esac
done
python benchmarks/mutation_scores.py "${modules[@]}"
