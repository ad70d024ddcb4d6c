import { describe, expect, it } from 'vitest';
import { localPath, safeRedirectTarget } from './guards';

// Every spelling an outside test used to leave the site after a login or a language switch.
const OTHER_HOSTS = [
	'//evil.example',
	'/.//evil.example',
	'/././/evil.example',
	'/%2e%2e//evil.example',
	'/%2E%2E//evil.example',
	'/..//evil.example',
	'/en//evil.example',
	'/en/.//evil.example/x?y=1',
	'/\\evil.example',
	'/\t/evil.example',
	'https://evil.example/',
	'javascript:alert(1)',
	'evil.example'
];

describe('safeRedirectTarget', () => {
	it.each(OTHER_HOSTS)('never leaves the site for %j', (target) => {
		for (const locale of ['de', 'en'] as const) {
			const result = safeRedirectTarget(target, '/account', { locale });
			expect(new URL(result, 'http://site.invalid').host).toBe('site.invalid');
			expect(result.startsWith('//')).toBe(false);
		}
	});

	it('keeps a path on this site and localises it', () => {
		expect(safeRedirectTarget('/q/nordstadt?x=1', '/account', { locale: 'de' })).toBe(
			'/q/nordstadt?x=1'
		);
		expect(safeRedirectTarget('/q/nordstadt', '/account', { locale: 'en' })).toBe(
			'/en/q/nordstadt'
		);
		expect(safeRedirectTarget('/en/account', '/', { locale: 'en' })).toBe('/en/account');
	});

	it('falls back when there is no target', () => {
		expect(safeRedirectTarget(null, '/q/lindenhof', { locale: 'de' })).toBe('/q/lindenhof');
		expect(safeRedirectTarget('//evil.example', '/account', { locale: 'en' })).toBe('/en/account');
	});
});

describe('localPath', () => {
	it('passes a path on this site through unchanged and drops everything else', () => {
		expect(localPath('/q/nordstadt/members/abc')).toBe('/q/nordstadt/members/abc');
		for (const target of OTHER_HOSTS) expect(localPath(target)).toBeNull();
		expect(localPath(null)).toBeNull();
	});
});
