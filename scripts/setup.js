// Installs what the project needs and is missing: npm packages and the FerretDB binary.
// Safe to run again; every step is skipped when its result is already there.
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
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
/** Records which of our source patches the binary was built with, so a new patch rebuilds it. */
const ferretBuildMarker = path.join(root, '.tools/bin/ferretdb.build.json');

/**
 * Two patches to FerretDB's source, fixes of one performance bug in both of its backends
 * (upstream issue #4646), explained in docs/architecture.md ("Look-ups by `_id`"). FerretDB
 * creates a unique index on each document's `_id`, but filters `{_id: …}` with an SQL
 * expression the index does not cover, so every look-up by `_id` read the table row by row
 * (measured with `npm run bench`, 50,000 documents: the last or a missing `_id` took 110 ms on
 * SQLite and 80–90 ms on PostgreSQL; with the patches 0.7–1.2 ms and 2.5–3.5 ms). The patches
 * only change which equivalent SQL expression the filter uses: stored data, indexes and every
 * answer stay the same, so data directories and databases work with either binary.
 */
const FERRETDB_PATCHES = [
	{
		id: 'sqlite-id-filter-uses-id-index',
		file: 'internal/backends/sqlite/metadata/metadata.go',
		// `->'$._id'` and `->"_id"` return the same value; the index is on the second.
		edits: [
			{ from: `IDColumn = DefaultColumn + "->'$._id'"`, to: 'IDColumn = DefaultColumn + `->"_id"`' }
		]
	},
	{
		id: 'postgresql-id-filter-uses-id-index',
		file: 'internal/backends/postgresql/query.go',
		// `_jsonb->$1 @> $2` (key as a parameter) cannot use the index on `(_jsonb->'_id')`; for a
		// scalar `_id`, `_jsonb->'_id' = $1::jsonb` is the same test and can.
		edits: [
			{
				from: `		case float64, string, types.ObjectID, bool, time.Time, int32, int64:
			if f, a := filterEqual(p, key, v, keyOperator); f != "" {`,
				to: `		case float64, string, types.ObjectID, bool, time.Time, int32, int64:
			if idFilter, idArg, ok := filterIDEqual(p, rootKey, v); ok {
				filters = append(filters, idFilter)
				args = append(args, idArg)
				break
			}

			if f, a := filterEqual(p, key, v, keyOperator); f != "" {`
			},
			{
				from: '// filterEqual returns the proper SQL filter with arguments that filters documents',
				to: `// filterIDEqual filters {_id: <string or ObjectID>} with the expression of the unique _id
// index, so that PostgreSQL can use it (Quartiermarkt patch, see scripts/setup.js).
func filterIDEqual(p *metadata.Placeholder, rootKey string, v any) (string, any, bool) {
	if rootKey != "_id" {
		return "", nil, false
	}

	switch v.(type) {
	case string, types.ObjectID:
		return fmt.Sprintf(\`%s = %s::jsonb\`, metadata.IDColumn, p.Next()), string(must.NotFail(sjson.MarshalSingleValue(v))), true
	default:
		return "", nil, false
	}
}

// filterEqual returns the proper SQL filter with arguments that filters documents`
			}
		]
	}
];
const FERRETDB_BUILD = { version: FERRETDB_VERSION, patches: FERRETDB_PATCHES.map((p) => p.id) };

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
		console.error(ci.stdout + ci.stderr);
		fail(
			/Missing: .* from lock file/.test(ci.stderr + ci.stdout)
				? "npm ci refused package-lock.json: it lacks packages that package.json needs. After changing dependencies run `npm install` and then `node scripts/fix-lock.js` (it adds the other platforms' optional packages), and commit the lock file."
				: 'npm ci failed (see above). Check the network access to the npm registry and run this again.'
		);
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

function builtAsWanted() {
	if (ferretVersion() !== FERRETDB_VERSION || !existsSync(ferretBuildMarker)) return false;
	try {
		return readFileSync(ferretBuildMarker, 'utf8').trim() === JSON.stringify(FERRETDB_BUILD);
	} catch {
		return false;
	}
}

function applyPatches(work) {
	for (const patch of FERRETDB_PATCHES) {
		const file = path.join(work, patch.file);
		let source = readFileSync(file, 'utf8');
		for (const edit of patch.edits) {
			if (source.split(edit.from).length !== 2) {
				fail(
					`FerretDB's source does not contain exactly once what the patch "${patch.id}" changes (${patch.file}).\n` +
						'  The module source differs from the release this project was written for; check FERRETDB_VERSION in scripts/setup.js.'
				);
			}
			source = source.replace(edit.from, () => edit.to);
		}
		writeFileSync(file, source);
		info(`patched: ${patch.id}`);
	}
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
 * from the Go module proxy, fill in that one generated file, apply our one patch (see
 * FERRETDB_PATCHES) and build it with `go build`.
 */
async function buildFerretDB() {
	step(`FerretDB ${FERRETDB_VERSION} (the embedded database)`);
	if (builtAsWanted()) {
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
		applyPatches(work);
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
	writeFileSync(ferretBuildMarker, JSON.stringify(FERRETDB_BUILD) + '\n');
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
