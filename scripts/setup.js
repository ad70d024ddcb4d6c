// Installs what the project needs and is missing: npm packages and the FerretDB binary.
// Safe to run again; every step is skipped when its result is already there.
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync as readdir,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, fail, info, main, runOrFail, seconds, step } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
const ferretBin = path.join(root, '.tools/bin/ferretdb');

function checkNode() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19)) {
		fail(
			`Node.js ${process.versions.node} is too old: Quartiermarkt needs Node.js 20.19 or newer. Install a current Node.js 20 or 22 and run this again.`
		);
	}
}

async function installNpmPackages() {
	step('npm packages');
	const marker = path.join(root, 'node_modules/.package-lock.json');
	const lock = path.join(root, 'package-lock.json');
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
		info('already installed');
		return;
	}
	const started = Date.now();
	info('npm ci …');
	const ci = capture('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
	if (ci.code !== 0) {
		if (!/Missing: .* from lock file/.test(ci.stderr + ci.stdout)) {
			console.error(ci.stdout + ci.stderr);
			fail(
				'npm ci failed (see above). Check the network access to the npm registry and run this again.'
			);
		}
		// npm cannot record optional packages for other platforms that the registry here does not
		// serve (e.g. @lix-js/sdk-darwin-arm64), and `npm ci` then refuses the lock file. `npm
		// install` keeps every locked version and only skips those.
		info(
			'npm ci refused the lock file over optional packages of other platforms; using npm install …'
		);
		await runOrFail('npm', ['install', '--no-audit', '--no-fund'], 'npm install', { cwd: root });
	}
	info(`installed in ${seconds(started)}`);
}

function findGo() {
	for (const candidate of ['go', '/usr/local/go/bin/go']) {
		const result = capture(candidate, ['version']);
		if (result.code === 0) {
			const match = /go(\d+)\.(\d+)/.exec(result.stdout);
			if (match && (Number(match[1]) > 1 || Number(match[2]) >= 24)) return candidate;
		}
	}
	return null;
}

function ferretVersion() {
	if (!existsSync(ferretBin)) return null;
	const result = capture(ferretBin, ['--version']);
	return /version: (v[\d.]+)/.exec(result.stdout)?.[1] ?? null;
}

/**
 * Builds FerretDB from its module source at the release tag. `go install
 * github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` compiles, but the binary panics at start
 * ("Invalid build/version/version.txt file content"): the release's version file is generated
 * by its own task runner and is empty in the module. So we take the very same module source
 * from the Go module proxy, fill in that one generated file, and build it with `go build`.
 */
async function buildFerretDB() {
	step(`FerretDB ${FERRETDB_VERSION} (the embedded database)`);
	if (ferretVersion() === FERRETDB_VERSION) {
		info(`already built: ${path.relative(root, ferretBin)}`);
		return;
	}
	const go = findGo();
	if (!go) {
		fail(
			'Go 1.24 or newer is needed to build the embedded database (FerretDB), and none was found.\n' +
				'  Either install Go >= 1.24 (https://go.dev/dl/) and run `npm run setup` again,\n' +
				'  or set MONGODB_URI to a MongoDB or FerretDB server you run yourself.'
		);
	}
	const started = Date.now();
	info(`downloading the module source with ${go} (Go module proxy) …`);
	const download = capture(go, [
		'mod',
		'download',
		'-json',
		`${FERRETDB_MODULE}@${FERRETDB_VERSION}`
	]);
	if (download.code !== 0) {
		fail(
			`Could not download ${FERRETDB_MODULE}@${FERRETDB_VERSION}:\n${download.stdout}${download.stderr}\n  Check the network access to the Go module proxy (GOPROXY), then run \`npm run setup\` again.`
		);
	}
	const sourceDir = JSON.parse(download.stdout).Dir;
	const work = mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
	try {
		cpSync(sourceDir, work, { recursive: true });
		chmodRecursive(work);
		writeFileSync(path.join(work, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
		mkdirSync(path.dirname(ferretBin), { recursive: true });
		info('compiling (about a minute the first time) …');
		await runOrFail(
			go,
			['build', '-trimpath', '-o', ferretBin, './cmd/ferretdb'],
			'Building FerretDB',
			{
				cwd: work,
				env: { ...process.env, CGO_ENABLED: '0' }
			}
		);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	const version = ferretVersion();
	if (version !== FERRETDB_VERSION)
		fail(
			`The built FerretDB reports version ${version ?? 'nothing'}, expected ${FERRETDB_VERSION}.`
		);
	info(`built ${path.relative(root, ferretBin)} in ${seconds(started)}`);
}

function chmodRecursive(dir) {
	// The Go module cache is read-only; the copy must be writable to add the version file.
	const walk = (p) => {
		const stat = statSync(p);
		chmodSync(p, stat.mode | 0o200);
		if (stat.isDirectory()) for (const entry of readdir(p)) walk(path.join(p, entry));
	};
	walk(dir);
}

export async function setup({ needFerretDB = !process.env.MONGODB_URI } = {}) {
	checkNode();
	const started = Date.now();
	await installNpmPackages();
	if (needFerretDB) await buildFerretDB();
	else info('MONGODB_URI is set: the embedded database is not needed.');
	console.log(`\n✔ Setup complete in ${seconds(started)}.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await main(() =>
		setup({ needFerretDB: process.argv.includes('--ferretdb') || !process.env.MONGODB_URI })
	);
}
