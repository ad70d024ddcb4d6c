// Fails the build when translations are missing or the compiler produced no messages. Offline,
// the inlang SDK cannot load a plugin from a CDN and then "successfully" compiles nothing, so we
// check the generated output, not only the source files.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const locales = ['de', 'en'];

/** The texts of a message: a string, or the variants of a plural (inlang message format). */
function texts(value) {
	if (typeof value === 'string') return [value];
	if (!Array.isArray(value)) return [];
	return value.flatMap((v) => Object.values(v?.match ?? {}).filter((t) => typeof t === 'string'));
}
const problems = [];
const sets = {};
for (const locale of locales) {
	const data = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
	delete data.$schema;
	sets[locale] = data;
	for (const [key, value] of Object.entries(data)) {
		if (texts(value).length === 0 || texts(value).some((text) => text.trim() === ''))
			problems.push(`${locale}: "${key}" is empty`);
	}
}
for (const locale of locales) {
	for (const other of locales) {
		for (const key of Object.keys(sets[other])) {
			if (!(key in sets[locale]))
				problems.push(`${locale}: "${key}" is missing (present in ${other})`);
		}
	}
}
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
for (const module of settings.modules) {
	if (/^https?:/.test(module))
		problems.push(`project.inlang loads ${module} from the network; use node_modules`);
}
const outdir = 'src/lib/paraglide/messages';
if (process.argv.includes('--compiled')) {
	// The compiler writes either one module per message or one index; count what it exports.
	const exported = new Set();
	if (existsSync(outdir)) {
		for (const file of readdirSync(outdir).filter((f) => f.endsWith('.js'))) {
			const code = readFileSync(`${outdir}/${file}`, 'utf8');
			for (const match of code.matchAll(/export const ([A-Za-z0-9_$]+)\s*=/g))
				exported.add(match[1]);
		}
	}
	const missing = Object.keys(sets.de).filter((key) => !exported.has(key));
	if (missing.length > 0) {
		problems.push(
			`the Paraglide compiler produced no code for ${missing.length} of ${Object.keys(sets.de).length} messages ` +
				`(e.g. ${missing.slice(0, 3).join(', ')}): check that project.inlang/settings.json loads ` +
				'@inlang/plugin-message-format from node_modules'
		);
	}
}
if (problems.length > 0) {
	console.error(
		`Translations are incomplete (${problems.length} problems):\n  ${problems.join('\n  ')}`
	);
	process.exit(1);
}
console.log(
	`Translations complete: ${Object.keys(sets.de).length} messages in ${locales.join(', ')}.`
);
