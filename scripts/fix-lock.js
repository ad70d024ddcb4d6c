// Completes package-lock.json with the platform packages that the registry mirror here does not
// serve, so that `npm ci` accepts the lock file on every machine. Some packages ship a native
// binary per platform as optional dependencies (e.g. @lix-js/sdk-darwin-arm64); npm records only
// the platforms it could resolve, and `npm ci` then refuses the lock ("Missing: … from lock
// file"). An entry with the platform's `os` and `cpu` is all npm needs to skip it on other
// systems. Run after `npm install` changed the lock: `node scripts/fix-lock.js`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const PLATFORM =
	/-(darwin|linux|win32|freebsd|android|openbsd|sunos|aix)-(x64|arm64|arm|ia32|ppc64|s390x|riscv64|loong64)(?:-(gnu|musl|msvc|gnueabihf|eabi))?$/;

let added = 0;
const unknown = [];
for (const [key, entry] of Object.entries(lock.packages)) {
	for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
		const base = key === '' ? '' : `${key}/`;
		const candidates = [`${base}node_modules/${name}`, `node_modules/${name}`];
		if (candidates.some((c) => lock.packages[c])) continue;
		const platform = PLATFORM.exec(name);
		if (!platform || !/^\d+\.\d+\.\d+/.test(range)) {
			unknown.push(`${name}@${range}`);
			continue;
		}
		/** @type {Record<string, unknown>} */
		const added_entry = { version: range, cpu: [platform[2]], optional: true, os: [platform[1]] };
		if (entry.dev) added_entry.dev = true;
		if (platform[3] === 'gnu' || platform[3] === 'musl')
			added_entry.libc = [platform[3] === 'gnu' ? 'glibc' : 'musl'];
		lock.packages[`node_modules/${name}`] = added_entry;
		added++;
	}
}
writeFileSync(file, JSON.stringify(lock, null, '\t') + '\n');
console.log(
	`package-lock.json: ${added} platform entries added${unknown.length ? `; not recognised (add by hand): ${unknown.join(', ')}` : ''}`
);
