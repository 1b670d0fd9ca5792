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
		target: 'node20',
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
