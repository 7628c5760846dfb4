#!/usr/bin/env bash
# Mutation testing of the modules editors rely on (issue 17): content merging, review states
# and the publish gate, translation state, feeds, search folding, slugs. Configured in
# pyproject.toml [tool.mutmut]; needs `pip install -e '.[test,mutation]'`. Not run in CI.
#
#   benchmarks/mutation.sh                       # every configured module (about an hour on 2 busy cores)
#   benchmarks/mutation.sh translate.state text.slugs   # some modules only
#
# mutmut copies the code to mutants/, maps each function to the tests of the selection that
# run it (first pass), then runs only those tests per mutant. Results are kept in mutants/:
# a second run re-checks only what changed. Scores: benchmarks/mutation_scores.py.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mutmut >/dev/null || { echo "mutmut is missing: pip install -e '.[test,mutation]'" >&2; exit 2; }
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(content.entries ingest.run review.states review.publish translate.state sitemodel.feeds sitemodel.search text.slugs)
fi
globs=()
for module in "${modules[@]}"; do
  globs+=("digest.${module}.*")
done
# Browser tests are left out (pytest_add_cli_args); search.js is checked by hand-planted
# mutants instead (docs: "Mutation testing").
mutmut run --max-children "${MUTATION_JOBS:-2}" "${globs[@]}" || true  # exit code: survivors, not a failure to run
python benchmarks/mutation_scores.py "${modules[@]}"
