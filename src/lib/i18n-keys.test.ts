import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest runs from the repository root.
const root = process.cwd();
const readRaw = (locale: string): Record<string, unknown> =>
	JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8'));

interface Variants {
	declarations: string[];
	selectors: string[];
	match: Record<string, string>;
}

/** A plural message (inlang message format) is an array with one entry of variants. */
function isVariants(value: unknown): value is [Variants] {
	return (
		Array.isArray(value) &&
		value.length === 1 &&
		typeof value[0]?.match === 'object' &&
		Object.values(value[0].match as object).every((text) => typeof text === 'string')
	);
}

/** Every message as text; the variants of a plural joined, so each is checked like a string. */
const readMessages = (locale: string): Record<string, string> =>
	Object.fromEntries(
		Object.entries(readRaw(locale)).map(([key, value]) => [
			key,
			isVariants(value) ? Object.values(value[0].match).join('\n') : (value as string)
		])
	);

const de = readMessages('de');
const en = readMessages('en');
const messageKeys = (messages: Record<string, string>) =>
	Object.keys(messages).filter((key) => key !== '$schema');

function placeholders(message: string | undefined): string[] {
	const names = [...(message ?? '').matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? '');
	return [...new Set(names)].sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			return path === join(root, 'src', 'lib', 'paraglide') ? [] : sourceFiles(path);
		}
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** Every 'error_…' literal in the app's source, with the files it appears in. */
function errorKeysInSource(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	const files = [join(root, 'src', 'lib'), join(root, 'src', 'routes')].flatMap(sourceFiles);
	for (const file of files) {
		for (const [, key = ''] of readFileSync(file, 'utf8').matchAll(/'(error_[a-z0-9_]+)'/g)) {
			found.set(key, [...(found.get(key) ?? []), relative(root, file)]);
		}
	}
	return found;
}

describe('message files', () => {
	it('de and en have exactly the same keys', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
	});

	it('have a reasonable number of messages', () => {
		expect(messageKeys(de).length).toBeGreaterThan(50);
	});

	it.each([
		['de', de],
		['en', en]
	])('%s has no empty or non-string messages', (_locale, messages) => {
		const bad = messageKeys(messages).filter(
			(key) => typeof messages[key] !== 'string' || messages[key].trim() === ''
		);
		expect(bad).toEqual([]);
	});

	it.each(['de', 'en'])('%s: a plural message has a one and an other variant', (locale) => {
		const bad = Object.entries(readRaw(locale))
			.filter(([, value]) => Array.isArray(value))
			.filter(([, value]) => {
				if (!isVariants(value)) return true;
				const keys = Object.keys(value[0].match).map((k) => k.split('=')[1]);
				return !keys.includes('one') || !keys.includes('other');
			})
			.map(([key]) => key);
		expect(bad).toEqual([]);
	});

	// A short name such as "Jonas H." already ends with a dot: "von Jonas H.." Sentences are built
	// so that no person's name is followed by a full stop.
	it.each([
		['de', de],
		['en', en]
	])('%s: no full stop right after a name', (_locale, messages) => {
		const names = ['name', 'by', 'moderator', 'member', 'author', 'other', 'provider', 'receiver'];
		const pattern = new RegExp(`\\{(${names.join('|')})\\}\\.`);
		const bad = messageKeys(messages).filter((key) => pattern.test(messages[key] ?? ''));
		expect(bad).toEqual([]);
	});

	it('use the same placeholders in de and en', () => {
		const differences = messageKeys(de)
			.filter((key) => key in en)
			.map((key) => ({ key, de: placeholders(de[key]), en: placeholders(en[key]) }))
			.filter((entry) => entry.de.join() !== entry.en.join());
		expect(differences).toEqual([]);
	});

	it('spell placeholders as {name}', () => {
		const bad = [...messageKeys(de).map((k) => de[k]), ...messageKeys(en).map((k) => en[k])]
			.flatMap(placeholders)
			.filter((name) => !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name));
		expect(bad).toEqual([]);
	});
});

describe('error keys used in the source', () => {
	const used = errorKeysInSource();

	it('finds the error keys of the form schemas', () => {
		expect([...used.keys()]).toEqual(
			expect.arrayContaining([
				'error_email_required',
				'error_password_mismatch',
				'error_hours_invalid',
				'error_invalid_input'
			])
		);
	});

	it('exist in de and en', () => {
		const missing = [...used]
			.filter(([key]) => !(key in de) || !(key in en))
			.map(([key, files]) => `${key} (${files.join(', ')})`);
		expect(missing).toEqual([]);
	});

	// Keys built with template strings, e.g. t(`role_${role}`) or `error_limits_${problem}`.
	it.each([
		'role_resident',
		'role_business',
		'role_moderator',
		'role_admin',
		'state_pending',
		'state_active',
		'state_suspended',
		'error_limits_not_integer',
		'error_limits_min_positive',
		'error_limits_max_negative',
		'error_limits_too_large'
	])('dynamic key %s exists in de and en', (key) => {
		expect(de[key]).toEqual(expect.any(String));
		expect(en[key]).toEqual(expect.any(String));
	});
});
