#!/usr/bin/env node
// Adds up the per-file mutation reports that scripts/mutation-files.sh leaves in reports/inc/:
// one row per file and the total, scored as Stryker does (killed + timed out) / (killed +
// timed out + survived + not covered); compile errors and ignored (static) mutants do not count.
// The last column counts killed mutants only: a timeout may be a busy machine rather than a
// detection, so that score holds however the timeouts are read.
import fs from 'node:fs';

const dir = 'reports/inc';
const columns = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored'];
const total = Object.fromEntries(columns.map((c) => [c, 0]));
/** `part` as a percentage of the mutants that count. */
const percentOf = (part, c) => {
	const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
	return valid ? ((100 * part) / valid).toFixed(1) : '-';
};
const score = (c) => percentOf(c.Killed + c.Timeout, c);
const killedOnly = (c) => percentOf(c.Killed, c);
const rows = [];
for (const report of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
	const { files } = JSON.parse(fs.readFileSync(`${dir}/${report}`, 'utf8'));
	for (const [file, { mutants }] of Object.entries(files)) {
		const counts = Object.fromEntries(columns.map((c) => [c, 0]));
		for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1;
		for (const c of columns) total[c] += counts[c];
		rows.push([file, ...columns.map((c) => counts[c]), score(counts), killedOnly(counts)]);
	}
}
rows.push(['all files', ...columns.map((c) => total[c]), score(total), killedOnly(total)]);
const header = ['file', 'killed', 'timeout', 'survived', 'no cov', 'compile err', 'ignored', 'score %', 'killed only %'];
console.log(header.join(' | '));
for (const row of rows) console.log(row.join(' | '));
