// Resolves SvelteKit's import aliases ($lib and the aliases of kit.config.js) for
// eslint-plugin-boundaries, so a boundary holds however an import is spelled: `$lib/server/db`
// and `../../server/db` name the same file. Everything else goes to the plugin's Node resolver.
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
 * @param {string} _file the importing file
 * @param {{ root: string, alias: Record<string, string> }} config
 */
exports.resolve = function resolve(source, _file, config) {
	for (const [alias, target] of Object.entries(config.alias)) {
		if (source !== alias && !source.startsWith(alias + '/')) continue;
		const base = path.resolve(config.root, target, '.' + source.slice(alias.length));
		for (const ext of extensions) {
			if (isFile(base + ext)) return { found: true, path: base + ext };
		}
		// An alias that names no file is still local: report the path so that the boundary
		// check sees where it points instead of treating it as an unknown package.
		return { found: true, path: base };
	}
	return { found: false };
};
