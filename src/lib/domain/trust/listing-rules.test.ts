import { describe, expect, it } from 'vitest';
import { assessListing, mayPublish, type AuthorTrust } from './listing-rules';
import { DEFAULT_TRUST_SETTINGS, type TrustSettings } from './settings';

const adult: AuthorTrust = { minor: false, vetted: false, insured: false, commercial: false };
const offer = (over: Partial<Parameters<typeof assessListing>[0]> = {}) => ({
	kind: 'offer' as const,
	category: 'haushalt',
	title: 'Fenster putzen',
	description: '',
	tags: [],
	settlement: 'hours' as const,
	...over
});
const settings = (over: Partial<TrustSettings> = {}) => ({ ...DEFAULT_TRUST_SETTINGS, ...over });

describe('trust rules for one listing', () => {
	it('holds a babysitting offer until the Führungszeugnis is recorded', () => {
		const listing = offer({ category: 'kinder-familie', title: 'Babysitting' });
		const before = assessListing(listing, adult, settings());
		expect(before.holds).toEqual(['vetting_missing']);
		expect(mayPublish(before)).toBe(false);
		const after = assessListing(listing, { ...adult, vetted: true }, settings());
		expect(after.holds).toEqual([]);
		expect(mayPublish(after)).toBe(true);
	});

	it('sends sensitive words in another category to pre-moderation with the stems', () => {
		const a = assessListing(offer({ title: 'Haare schneiden für Kinder' }), adult, settings());
		expect(a.holds).toEqual(['sensitive_text']);
		expect(a.sensitiveStems).toEqual(['kind']);
		expect(mayPublish(a)).toBe(true);
	});

	it('never restricts a request', () => {
		const a = assessListing(
			offer({ kind: 'request', category: 'kinder-familie', title: 'Suche Babysitter' }),
			{ ...adult, minor: true },
			settings()
		);
		expect(a).toEqual({
			sensitiveCategory: false,
			sensitiveStems: [],
			licences: [],
			refusal: null,
			holds: []
		});
	});

	const electrical = offer({ category: 'handwerk', title: 'Steckdosen anschließen' });
	it.each([
		['refuse', false, 'licensed_refused'],
		['refuse', true, 'licensed_refused'],
		['business_only', false, 'licensed_business_only'],
		['business_only', true, null],
		['notice', false, null]
	] as const)('licensed work where the rule is %s (business %s): %s', (rule, commercial, r) => {
		const a = assessListing(electrical, { ...adult, commercial }, settings({ licensedWork: rule }));
		expect(a.licences).toEqual(['mains_electrical']);
		expect(a.refusal).toBe(r);
	});

	it.each([
		[offer({ category: 'kinder-familie', title: 'Vorlesen' }), 'minor_sensitive'],
		[electrical, 'minor_licensed'],
		[offer({ settlement: 'euros' }), 'minor_euros'],
		[offer({ settlement: 'either' }), 'minor_euros'],
		[offer({ settlement: 'hours' }), null],
		[offer({ settlement: 'free' }), null]
	])('a minor offering %j: %s', (listing, refusal) => {
		const rule = settings({ licensedWork: 'notice' });
		expect(assessListing(listing, { ...adult, minor: true }, rule).refusal).toBe(refusal);
	});

	it('asks for the liability insurance where the quarter requires it', () => {
		const rule = settings({ insuranceCategories: ['handwerk'] });
		const shelf = offer({ category: 'handwerk', title: 'Regal aufbauen' });
		expect(assessListing(shelf, adult, rule).refusal).toBe('insurance_required');
		expect(assessListing(shelf, { ...adult, insured: true }, rule).refusal).toBe(null);
		expect(assessListing(offer(), adult, rule).refusal).toBe(null);
	});
});
