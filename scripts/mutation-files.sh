#!/usr/bin/env bash
# Mutation testing one file at a time: `bash scripts/mutation-files.sh [file...]` (default: the
# whole scope of stryker.config.json). Each file gets its own incremental report
# (reports/inc/<name>.json) and sandbox (.stryker-tmp-<name>), so a run that is stopped keeps
# every file it finished, and two of these can run side by side on different files.
# `node scripts/mutation-score.mjs` adds the reports up. `--together NAME` mutates the files in
# one Stryker run instead, with one report (reports/inc/NAME.json): one initial test run (about
# 2 min) instead of one per file, for files that the same tests cover. Stryker saves a partial
# report when it is interrupted (Ctrl-C), which the next run with the same NAME goes on from.
# `--config FILE` runs Stryker with another config file (stryker.transport.config.mjs).
# Other arguments that start with "--" go to Stryker as they are (e.g. --force, --concurrency 3).
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
options=()
together=
config=()
while [ $# -gt 0 ]; do
	case "$1" in
		--together) together="$2"; shift 2 ;;
		--config) config=("$2"); shift 2 ;;
		--concurrency | --timeoutMS | --timeoutFactor | --logLevel) options+=("$1" "$2"); shift 2 ;;
		--*) options+=("$1"); shift ;;
		*) files+=("$1"); shift ;;
	esac
done
if [ ${#files[@]} -eq 0 ]; then
	mapfile -t files < <(node -e 'const { globSync } = require("node:fs"); for (const p of require("./stryker.config.json").mutate) for (const f of globSync(p)) console.log(f)')
fi
mkdir -p reports/inc
# Each mutant then loads only the test files that hold a test covering it.
node scripts/mutation-test-index.mjs
export OMNICHANNEL_TEST_INDEX="$PWD/reports/test-index.json"
run() {
	npx stryker run "${config[@]}" --incremental --incrementalFile "reports/inc/$1.json" --mutate "$2" \
		--tempDirName ".stryker-tmp-$1" --ignorePatterns "/.stryker-tmp*" --reporters clear-text,progress-append-only "${options[@]}"
}
if [ -n "$together" ]; then
	echo "== ${files[*]}"
	run "$together" "$(IFS=,; echo "${files[*]}")"
	exit
fi
for file in "${files[@]}"; do
	name=$(echo "$file" | sed 's#^nodes/##; s#/actions/[a-z]*/#-#; s#\.ts$##; s#/#-#g')
	echo "== $file"
	run "$name" "$file"
done
