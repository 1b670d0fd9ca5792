#!/usr/bin/env bash
# Mutation testing one file at a time: `bash scripts/mutation-files.sh [file...]` (default: the
# whole scope of stryker.config.json). Each file gets its own incremental report
# (reports/inc/<name>.json) and sandbox (.stryker-tmp-<name>), so a run that is stopped keeps
# every file it finished, and two of these can run side by side on different files.
# `node scripts/mutation-score.mjs` adds the reports up.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	mapfile -t files < <(node -e 'const { globSync } = require("node:fs"); for (const p of require("./stryker.config.json").mutate) for (const f of globSync(p)) console.log(f)')
fi
mkdir -p reports/inc
for file in "${files[@]}"; do
	name=$(echo "$file" | sed 's#^nodes/##; s#/actions/[a-z]*/#-#; s#\.ts$##; s#/#-#g')
	echo "== $file"
	npx stryker run --incremental --incrementalFile "reports/inc/$name.json" --mutate "$file" \
		--tempDirName ".stryker-tmp-$name" --ignorePatterns "/.stryker-tmp*" --reporters clear-text,progress-append-only
done
