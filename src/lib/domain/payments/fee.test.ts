import { describe, expect, it } from 'vitest';
import {
	basisPointsFromPercent,
	checkFeeSettings,
	feeBreakdown,
	MAX_AMOUNT_CENTS,
	percentFromBasisPoints,
	platformFeeCents,
	stripeFeeEstimateCents,
	type FeeSettings,
	type FeeSettingsProblem
} from './fee';
import { seededRandom } from '../../random';

const fee = (bp: number, cap = 500): FeeSettings => ({
	platformFeeBasisPoints: bp,
	platformFeeCapCents: cap
});

/** The rule written as exact rational arithmetic: round half up of a·bp/10 000 = ⌊(2·a·bp + 10 000) / 20 000⌋. */
function exactFee(amount: number, bp: number, cap: number): number {
	const rounded = (2n * BigInt(amount) * BigInt(bp) + 10_000n) / 20_000n;
	return Number([rounded, BigInt(cap), BigInt(amount)].reduce((a, b) => (b < a ? b : a)));
}

describe('platformFeeCents', () => {
	// [amount, basis points, cap, fee]
	it.each<[number, number, number, number]>([
		[0, 0, 500, 0],
		[10_000, 0, 500, 0], // default 0 %
		[10_000, 150, 500, 150], // 1.5 % of 100 €
		[100, 150, 500, 2], // 1.5 ct rounds half up to 2
		[99, 150, 500, 1], // 1.485 ct → 1
		[33, 150, 500, 0], // 0.495 ct → 0
		[34, 150, 500, 1], // 0.51 ct → 1
		[1, 5_000, 500, 1], // 0.5 ct → 1 (half up)
		[1, 4_999, 500, 0],
		[100_000, 150, 500, 500], // 15 € capped at 5 €
		[100_000, 150, 0, 0], // cap 0 turns the fee off
		[50, 10_000, 500, 50], // 100 % is at most the amount
		[MAX_AMOUNT_CENTS, 2_000, 10_000, 10_000],
		[MAX_AMOUNT_CENTS, 10_000, Number.MAX_SAFE_INTEGER, MAX_AMOUNT_CENTS]
	])('%i ct at %i bp, cap %i → %i ct', (amount, bp, cap, expected) => {
		expect(platformFeeCents(amount, fee(bp, cap))).toBe(expected);
	});

	it.each([-1, 0.5, MAX_AMOUNT_CENTS + 1, Number.NaN])('refuses the amount %s', (amount) => {
		expect(() => platformFeeCents(amount, fee(100))).toThrow(RangeError);
	});

	it.each([
		[-1, 500],
		[1.5, 500],
		[10_001, 500],
		[100, -1],
		[100, 0.5]
	])('refuses rate %s with cap %s', (bp, cap) => {
		expect(() => platformFeeCents(100, fee(bp, cap))).toThrow(RangeError);
	});

	it('fee + payout === amount and the fee follows the exact rule over 10,000 random amounts', () => {
		const random = seededRandom(20_261_201);
		for (let i = 0; i < 10_000; i++) {
			// Mostly everyday amounts, sometimes anything up to Stripe's maximum.
			const amount =
				i % 10 === 0
					? Math.floor(random() * (MAX_AMOUNT_CENTS + 1))
					: Math.floor(random() * 50_000);
			const bp = Math.floor(random() * 10_001);
			const cap = i % 3 === 0 ? Math.floor(random() * 10_001) : 500;
			const settings = fee(bp, cap);
			const breakdown = feeBreakdown(amount, settings);
			expect(breakdown.platformFeeCents + breakdown.payoutCents).toBe(amount);
			expect(breakdown.platformFeeCents).toBe(exactFee(amount, bp, cap));
			expect(Number.isInteger(breakdown.platformFeeCents)).toBe(true);
			expect(breakdown.payoutCents).toBeGreaterThanOrEqual(0);
		}
	});
});

describe("Stripe's fee estimate", () => {
	it.each([
		[0, 25],
		[1_000, 40], // 10 €: 15 ct + 25 ct
		[2_000, 55],
		[2_500, 63], // 37.5 ct rounds half up to 38
		[10_000, 175]
	])('%i ct → about %i ct', (amount, expected) => {
		expect(stripeFeeEstimateCents(amount)).toBe(expected);
	});

	it('is part of the breakdown and does not change the payout', () => {
		expect(feeBreakdown(2_000, fee(100))).toEqual({
			amountCents: 2_000,
			platformFeeCents: 20,
			payoutCents: 1_980,
			stripeFeeEstimateCents: 55
		});
	});
});

describe('percent and basis points', () => {
	it.each<[string, number | null]>([
		['0', 0],
		['1,5', 150],
		['1.5', 150],
		['2,25', 225],
		['12', 1_200],
		['100', 10_000],
		[' 3 ', 300],
		['100,01', null],
		['1,234', null],
		['-1', null],
		['1e2', null],
		['', null],
		['abc', null]
	])('%j → %s', (input, expected) => {
		expect(basisPointsFromPercent(input)).toBe(expected);
	});

	it.each([
		[0, '0'],
		[150, '1.5'],
		[225, '2.25'],
		[1_200, '12'],
		[5, '0.05'],
		[10_000, '100']
	])('%i bp → %s %%', (bp, expected) => {
		expect(percentFromBasisPoints(bp)).toBe(expected);
	});

	it.each<[number, number, FeeSettingsProblem | null]>([
		[0, 500, null],
		[2_000, 10_000, null],
		[2_001, 500, 'rate_too_high'],
		[-1, 500, 'rate_invalid'],
		[1.5, 500, 'rate_invalid'],
		[100, -1, 'cap_invalid'],
		[100, 10_001, 'cap_invalid']
	])('settings %i bp, cap %i → %s', (bp, cap, expected) => {
		expect(checkFeeSettings(fee(bp, cap))).toBe(expected);
	});
});
