import { describe, expect, it } from 'vitest';
import {
	accountStatusFrom,
	canReceiveCardPayments,
	connectStage,
	latestStatus,
	type AccountStatus,
	type ConnectStage,
	type StatusSnapshot
} from './account-status';
import { isStuck, retryDelayMs, retryDue } from './webhook-retry';

const status = (charges: boolean, payouts: boolean): AccountStatus => ({
	chargesEnabled: charges,
	payoutsEnabled: payouts,
	detailsSubmitted: charges,
	currentlyDue: [],
	disabledReason: null
});

describe('connected account status', () => {
	it('reads the fields of a Stripe account object', () => {
		expect(
			accountStatusFrom({
				charges_enabled: true,
				payouts_enabled: false,
				details_submitted: true,
				requirements: { currently_due: ['external_account', 7], disabled_reason: null }
			})
		).toEqual({
			chargesEnabled: true,
			payoutsEnabled: false,
			detailsSubmitted: true,
			currentlyDue: ['external_account'],
			disabledReason: null
		});
		expect(accountStatusFrom({})).toEqual({
			chargesEnabled: false,
			payoutsEnabled: false,
			detailsSubmitted: false,
			currentlyDue: [],
			disabledReason: null
		});
	});

	// [connected, status, stage]
	it.each<[boolean, AccountStatus | null, ConnectStage]>([
		[false, null, 'not_connected'],
		[false, status(true, true), 'not_connected'],
		[true, null, 'onboarding_incomplete'],
		[true, status(false, false), 'onboarding_incomplete'],
		[true, status(false, true), 'onboarding_incomplete'],
		[true, status(true, false), 'charges_enabled'],
		[true, status(true, true), 'payouts_enabled']
	])('connected %s, %j → %s', (connected, s, stage) => {
		expect(connectStage(connected, s)).toBe(stage);
		expect(canReceiveCardPayments(s)).toBe(s?.chargesEnabled === true);
	});

	it('shows the newest snapshot whatever order they arrived in', () => {
		const snap = (observedAt: number, source: string, charges: boolean): StatusSnapshot => ({
			...status(charges, charges),
			observedAt,
			source
		});
		const a = snap(1_000, 'evt_a', false);
		const b = snap(2_000, 'evt_b', true);
		const c = snap(2_000, 'evt_c', false);
		for (const order of [
			[a, b, c],
			[c, b, a],
			[b, a, c],
			[c, a, b]
		]) {
			expect(latestStatus(order)).toBe(c);
		}
		expect(latestStatus([a, b])).toBe(b);
		expect(latestStatus([])).toBeNull();
	});
});

describe('webhook retries', () => {
	const MIN = 60_000;
	it.each([
		[0, 0],
		[1, MIN],
		[2, 2 * MIN],
		[5, 16 * MIN],
		[9, 256 * MIN],
		[10, 360 * MIN],
		[100, 360 * MIN]
	])('after %i failures waits %i ms', (failures, ms) => {
		expect(retryDelayMs(failures)).toBe(ms);
	});

	it('is due once the wait is over', () => {
		const at = new Date('2026-12-01T10:00:00Z');
		expect(retryDue(0, null, at)).toBe(true);
		expect(retryDue(2, at, new Date(at.getTime() + 2 * MIN - 1))).toBe(false);
		expect(retryDue(2, at, new Date(at.getTime() + 2 * MIN))).toBe(true);
	});

	it.each([
		[0, 0, false],
		[2, 59, false],
		[3, 0, true],
		[0, 60, true]
	])('%i failures, %i minutes old → stuck %s', (failures, minutes, stuck) => {
		const received = new Date('2026-12-01T10:00:00Z');
		expect(isStuck(failures, received, new Date(received.getTime() + minutes * MIN))).toBe(stuck);
	});
});
