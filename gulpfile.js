/**
 * `npm run build` = `gulp build`: type-check, compile every node and credential to dist/
 * (CommonJS, same relative paths, n8n-workflow external, libphonenumber-js bundled in, since
 * a community package may have no runtime dependencies), then copy icons and codex files so
 * every `file:` icon path resolves from dist/.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { series, src, dest } = require('gulp');
const esbuild = require('esbuild');

const root = __dirname;
const out = path.join(root, 'dist');
// The oldest Node the published package claims (package.json `engines.node`, ">=X.Y") is the
// one esbuild compiles for, so that the claim and the output cannot drift apart. It is the
// oldest Node of the oldest n8n the package supports (n8n 1.82: Node 18.17); the repo's own
// tooling needs Node 24 all the same.
const nodeFloor = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(require('./package.json').engines.node)?.[1];
if (!nodeFloor) throw new Error('package.json engines.node must read ">=X.Y" (the build target is derived from it)');

function filesUnder(dir, suffix) {
	return fs
		.readdirSync(path.join(root, dir), { recursive: true })
		.filter((name) => name.endsWith(suffix))
		.map((name) => path.join(dir, name));
}

async function clean() {
	fs.rmSync(out, { recursive: true, force: true });
}

async function typecheck() {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		cwd: root,
		stdio: 'inherit',
	});
}

async function compile() {
	const entryPoints = [
		...filesUnder('nodes', '.node.ts'),
		...filesUnder('credentials', '.credentials.ts'),
		// The phone library, a file of its own that a node requires on first use (see phoneLib.ts).
		'nodes/shared/phoneParse.ts',
	];
	await esbuild.build({
		entryPoints,
		outdir: out,
		outbase: root,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: `node${nodeFloor}`,
		external: ['n8n-workflow', '../shared/phoneParse'],
		// The phone metadata is the bulk of the bundle: the "min" set keeps it near 100 KB.
		alias: { 'libphonenumber-js': 'libphonenumber-js/min' },
		legalComments: 'none',
		logLevel: 'warning',
	});
}

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.clean = clean;
exports.typecheck = typecheck;
exports.build = series(clean, typecheck, compile, copyIcons, copyCodex);
exports.default = exports.build;
