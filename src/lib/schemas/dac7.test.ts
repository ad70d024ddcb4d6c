import { describe, expect, it } from 'vitest';
import { dac7SettingsSchema, reportYear, sellerSchema } from './dac7';

const seller = {
	kind: 'individual',
	firstName: ' Anna ',
	lastName: 'Beispiel',
	birthDate: '1980-04-30',
	address: 'Lindenstraße 1\r\n30159 Hannover',
	tin: '12345678901',
	tinCountry: 'de',
	vatId: ''
};

describe('the seller form', () => {
	it('trims, keeps line breaks and upper-cases the country', () => {
		const parsed = sellerSchema.parse(seller);
		expect(parsed.firstName).toBe('Anna');
		expect(parsed.address).toBe('Lindenstraße 1\n30159 Hannover');
		expect(parsed.tinCountry).toBe('DE');
	});

	it('accepts empty fields (the page names what is missing)', () => {
		expect(sellerSchema.safeParse({ kind: 'entity' }).success).toBe(true);
	});

	it.each([
		[{ kind: 'someone' }, 'kind', 'dac7_error_kind'],
		[{ birthDate: '30.04.1980' }, 'birthDate', 'dac7_error_birth_date'],
		[{ tinCountry: 'DEU' }, 'tinCountry', 'dac7_error_too_long'],
		[{ tin: '123<script>' }, 'tin', 'dac7_error_tin'],
		[{ vatId: '123456789' }, 'vatId', 'dac7_error_vat'],
		[{ lastName: 'a\u0007b' }, 'lastName', 'dac7_error_invalid']
	])('refuses %j', (change, field, key) => {
		const parsed = sellerSchema.safeParse({ ...seller, ...change });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.find((i) => i.path[0] === field)?.message).toBe(key);
	});
});

describe('the operator setting', () => {
	it('reads the hour value in euros with a comma or a point', () => {
		expect(
			dac7SettingsSchema.parse({ hoursAreConsideration: 'on', hourValue: '12,50' }).hourValueCents
		).toBe(1_250);
		expect(dac7SettingsSchema.parse({ hourValue: '' }).hoursAreConsideration).toBe(false);
	});

	it('needs an hour value when hours count', () => {
		const parsed = dac7SettingsSchema.safeParse({ hoursAreConsideration: 'on', hourValue: '' });
		expect(parsed.error!.issues[0]!.message).toBe('dac7_error_hour_value');
	});
});

describe('the report year', () => {
	const now = new Date('2026-12-03T12:00:00Z');
	it.each([
		[null, 2026],
		['2025', 2025],
		['2022', 2026],
		['2027', 2026],
		['abc', 2026]
	])('%s -> %i', (value, year) => {
		expect(reportYear(value, now)).toBe(year);
	});
	it('defaults to last year in January', () => {
		expect(reportYear(null, new Date('2027-01-15T12:00:00Z'))).toBe(2026);
	});
});
