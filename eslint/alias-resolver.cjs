// Resolves SvelteKit's import aliases ($lib and the aliases of kit.config.js) and relative
// imports for eslint-plugin-boundaries, so a boundary holds however an import is spelled:
// `$lib/server/db`, `../../server/db` and `../../server/db/index.js` name the same file.
// Packages go to the plugin's Node resolver.
// The aliases come from eslint.config.js (which reads kit.config.js), not from the generated
// .svelte-kit/tsconfig.json, so the rule does not depend on `svelte-kit sync` having run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const extensions = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];

function isFile(file) {
	try {
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

exports.interfaceVersion = 2;

/**
 * @param {string} source the import specifier
 * @param {string} file the importing file
 * @param {{ root: string, alias: Record<string, string> }} config
 */
exports.resolve = function resolve(source, file, config) {
	for (const [alias, target] of Object.entries(config.alias)) {
		if (source !== alias && !source.startsWith(alias + '/')) continue;
		return local(path.resolve(config.root, target, '.' + source.slice(alias.length)));
	}
	// Relative imports too: TypeScript lets `../db/index.js` name `../db/index.ts`, which the
	// plugin's Node resolver does not find, and an import it cannot place is not checked at all.
	if (source.startsWith('./') || source.startsWith('../')) {
		return local(path.resolve(path.dirname(file), source));
	}
	return { found: false };
};

/** The file a local specifier names (TypeScript's `.js` → `.ts` included). A path that names
 * no file is still local: report it, so that the boundary check sees where it points instead of
 * treating it as an unknown package. */
function local(base) {
	const stems = base.endsWith('.js') ? [base.slice(0, -3) + '.ts', base] : [base];
	for (const stem of stems) {
		for (const ext of extensions) {
			if (isFile(stem + ext)) return { found: true, path: stem + ext };
		}
	}
	return { found: true, path: base };
}
