import { describe, expect, it } from 'vitest';
import { parseForm, type ParseResult } from './form';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from './quarter';

function formOf(entries: Record<string, string | Blob | undefined>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		if (value !== undefined) form.append(name, value);
	}
	return form;
}

const settings = (entries: Record<string, string | Blob | undefined>) =>
	parseForm(
		quarterSettingsSchema,
		formOf({
			listingExpiryDays: '60',
			paidOfferHintThreshold: '3',
			autoSettleAfterDays: '14',
			startCreditHours: '2',
			platformFeePercent: '0',
			platformFeeCapEuros: '5',
			...entries
		}),
		QUARTER_SETTINGS_FIELDS
	);

function dataOf<T>(result: ParseResult<T>): T {
	if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
	return result.data;
}

function errorsOf<T>(result: ParseResult<T>) {
	if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

describe('quarterSettingsSchema: hours', () => {
	it.each<[string, number]>([
		['10', 600],
		['0', 0],
		['1', 60],
		['2,5', 150],
		['2.5', 150],
		['0,25', 15],
		['0,01', 1],
		['1,5', 90],
		[' 40 ', 2400],
		['-10', -600],
		['-2,5', -150],
		['1000', 60_000],
		['9999', 599_940],
		['-9999,99', -599_999]
	])('%j -> %d minutes', (hours, minutes) => {
		const data = dataOf(settings({ minBalanceHours: hours, maxBalanceHours: hours }));
		expect(data.minBalanceHours).toBe(minutes);
		expect(data.maxBalanceHours).toBe(minutes);
		expect(Number.isInteger(data.minBalanceHours)).toBe(true);
	});

	it.each<[string | Blob | undefined, string]>([
		['', 'error_hours_required'],
		['   ', 'error_hours_required'],
		[undefined, 'error_hours_required'],
		[new Blob(['10']), 'error_hours_required'],
		['abc', 'error_hours_invalid'],
		['10h', 'error_hours_invalid'],
		['1e3', 'error_hours_invalid'],
		['+5', 'error_hours_invalid'],
		['.5', 'error_hours_invalid'],
		['5.', 'error_hours_invalid'],
		['1,333', 'error_hours_invalid'],
		['1.000,5', 'error_hours_invalid'],
		['10000', 'error_hours_invalid'],
		['--1', 'error_hours_invalid'],
		['Infinity', 'error_hours_invalid'],
		['0x10', 'error_hours_invalid'],
		['١٠', 'error_hours_invalid'],
		['{"$gt": 0}', 'error_hours_invalid']
	])('%j -> %s', (hours, expected) => {
		const errors = errorsOf(settings({ minBalanceHours: hours, maxBalanceHours: '10' }));
		expect(errors).toEqual({ minBalanceHours: expected });
	});

	it('reports both hour fields', () => {
		expect(errorsOf(settings({}))).toEqual({
			minBalanceHours: 'error_hours_required',
			maxBalanceHours: 'error_hours_required'
		});
	});
});

describe('quarterSettingsSchema: checkboxes', () => {
	const hours = { minBalanceHours: '-10', maxBalanceHours: '40' };

	it.each<[string | undefined, string | undefined, boolean, boolean]>([
		['on', 'on', true, true],
		['on', undefined, true, false],
		[undefined, 'on', false, true],
		[undefined, undefined, false, false]
	])('memberApproval %j, listingPreModeration %j', (a, b, memberApproval, listingPreModeration) => {
		expect(dataOf(settings({ ...hours, memberApproval: a, listingPreModeration: b }))).toEqual({
			memberApproval,
			listingPreModeration,
			minBalanceHours: -600,
			maxBalanceHours: 2400,
			listingExpiryDays: 60,
			paidOfferHintThreshold: 3,
			autoSettleAfterDays: 14,
			startCreditHours: 120,
			platformFeePercent: 0,
			platformFeeCapEuros: 500
		});
	});

	it.each<[string | Blob]>([['yes'], ['true'], ['ON'], [''], [new Blob(['on'])]])(
		'memberApproval %j -> error_invalid_input',
		(value) => {
			expect(errorsOf(settings({ ...hours, memberApproval: value }))).toEqual({
				memberApproval: 'error_invalid_input'
			});
		}
	);

	it('echoes what was typed', () => {
		const result = settings({
			memberApproval: 'on',
			minBalanceHours: 'abc',
			maxBalanceHours: '40'
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).toEqual({
			memberApproval: 'on',
			minBalanceHours: 'abc',
			maxBalanceHours: '40',
			listingExpiryDays: '60',
			paidOfferHintThreshold: '3',
			autoSettleAfterDays: '14',
			startCreditHours: '2',
			platformFeePercent: '0',
			platformFeeCapEuros: '5'
		});
	});
});

describe('quarterSettingsSchema: listing rules', () => {
	it.each<[string, string, Record<string, string>]>([
		['60', '3', {}],
		['7', '0', {}],
		['365', '50', {}],
		['6', '3', { listingExpiryDays: 'error_days_invalid' }],
		['366', '3', { listingExpiryDays: 'error_days_invalid' }],
		['sechzig', '3', { listingExpiryDays: 'error_days_invalid' }],
		['60', '51', { paidOfferHintThreshold: 'error_threshold_invalid' }],
		['60', '-1', { paidOfferHintThreshold: 'error_threshold_invalid' }],
		['60', '{"$gt": 0}', { paidOfferHintThreshold: 'error_threshold_invalid' }]
	])('expiry %s days, hint from %s offers', (days, threshold, errors) => {
		const result = settings({
			minBalanceHours: '-10',
			maxBalanceHours: '40',
			listingExpiryDays: days,
			paidOfferHintThreshold: threshold
		});
		if (Object.keys(errors).length === 0) {
			const data = dataOf(result);
			expect(data.listingExpiryDays).toBe(Number(days));
			expect(data.paidOfferHintThreshold).toBe(Number(threshold));
		} else expect(errorsOf(result)).toEqual(errors);
	});
});

describe('quarterSettingsSchema: time bank', () => {
	const limits = { minBalanceHours: '-10', maxBalanceHours: '40' };

	it.each<[string | undefined, number | string]>([
		['14', 14],
		['1', 1],
		['90', 90],
		[' 7 ', 7],
		['07', 7],
		['0', 'error_auto_settle_days_invalid'],
		['91', 'error_auto_settle_days_invalid'],
		['100', 'error_auto_settle_days_invalid'],
		['-1', 'error_auto_settle_days_invalid'],
		['1,5', 'error_auto_settle_days_invalid'],
		['', 'error_auto_settle_days_invalid'],
		['vierzehn', 'error_auto_settle_days_invalid'],
		['{"$gt": 0}', 'error_auto_settle_days_invalid'],
		[undefined, 'error_auto_settle_days_invalid']
	])('auto-settle after %j days -> %j', (days, expected) => {
		const result = settings({ ...limits, autoSettleAfterDays: days });
		if (typeof expected === 'number') expect(dataOf(result).autoSettleAfterDays).toBe(expected);
		else expect(errorsOf(result)).toEqual({ autoSettleAfterDays: expected });
	});

	it.each<[string | Blob | undefined, number | string]>([
		['2', 120],
		['0', 0],
		['10', 600],
		['1,5', 90],
		['1.5', 90],
		['0,25', 15],
		['2,75', 165],
		['1:30', 90],
		[' 3 ', 180],
		['10,25', 'error_start_credit_invalid'],
		['11', 'error_start_credit_invalid'],
		['24', 'error_start_credit_invalid'],
		['0,1', 'error_start_credit_invalid'],
		['1,33', 'error_start_credit_invalid'],
		['-1', 'error_start_credit_invalid'],
		['', 'error_start_credit_invalid'],
		['zwei', 'error_start_credit_invalid'],
		['{"$gt": 0}', 'error_start_credit_invalid'],
		[new Blob(['2']), 'error_start_credit_invalid'],
		[undefined, 'error_start_credit_invalid']
	])('start credit %j hours -> %j', (hours, expected) => {
		const result = settings({ ...limits, startCreditHours: hours });
		if (typeof expected === 'number') expect(dataOf(result).startCreditHours).toBe(expected);
		else expect(errorsOf(result)).toEqual({ startCreditHours: expected });
	});
});

describe('quarterSettingsSchema: platform fee', () => {
	const limits = { minBalanceHours: '-10', maxBalanceHours: '40' };

	it.each<[string | Blob | undefined, number | string]>([
		['0', 0],
		['1,5', 150],
		['1.5', 150],
		['2,25', 225],
		['0,01', 1],
		['0,5', 50],
		[' 3 ', 300],
		['20', 2000],
		['20,00', 2000],
		['20,01', 'error_fee_rate_too_high'],
		['21', 'error_fee_rate_too_high'],
		['100', 'error_fee_rate_too_high'],
		['1,234', 'error_fee_rate_invalid'],
		['1000', 'error_fee_rate_invalid'],
		['-1', 'error_fee_rate_invalid'],
		['1,5 %', 'error_fee_rate_invalid'],
		[',5', 'error_fee_rate_invalid'],
		['1e1', 'error_fee_rate_invalid'],
		['', 'error_fee_rate_invalid'],
		['eins', 'error_fee_rate_invalid'],
		['{"$gt": 0}', 'error_fee_rate_invalid'],
		[new Blob(['1']), 'error_fee_rate_invalid'],
		[undefined, 'error_fee_rate_invalid']
	])('fee %j percent -> %j', (percent, expected) => {
		const result = settings({ ...limits, platformFeePercent: percent });
		if (typeof expected === 'number') expect(dataOf(result).platformFeePercent).toBe(expected);
		else expect(errorsOf(result)).toEqual({ platformFeePercent: expected });
	});

	it.each<[string | Blob | undefined, number | string]>([
		['5', 500],
		['0', 0],
		['2,50', 250],
		['2.5', 250],
		['0,01', 1],
		[' 10 ', 1000],
		['100', 10_000],
		['100,00', 10_000],
		['100,01', 'error_fee_cap_invalid'],
		['101', 'error_fee_cap_invalid'],
		['10000', 'error_fee_cap_invalid'],
		['1,234', 'error_fee_cap_invalid'],
		['-1', 'error_fee_cap_invalid'],
		['5 €', 'error_fee_cap_invalid'],
		['', 'error_fee_cap_invalid'],
		['fünf', 'error_fee_cap_invalid'],
		['{"$gt": 0}', 'error_fee_cap_invalid'],
		[new Blob(['5']), 'error_fee_cap_invalid'],
		[undefined, 'error_fee_cap_invalid']
	])('fee cap %j euros -> %j', (euros, expected) => {
		const result = settings({ ...limits, platformFeeCapEuros: euros });
		if (typeof expected === 'number') expect(dataOf(result).platformFeeCapEuros).toBe(expected);
		else expect(errorsOf(result)).toEqual({ platformFeeCapEuros: expected });
	});
});
