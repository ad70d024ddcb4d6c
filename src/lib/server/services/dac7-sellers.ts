// The sellers' tax data for PStTG / DAC7 (services/dac7.ts) and the one rule the exchange
// service asks before a euro sale: kept apart from dac7.ts so that the exchange service can
// ask without importing the report (which reads the exchanges).
import {
	euroSaleAllowed,
	missingSellerFields,
	nextSellerTaxData,
	sellerDataStep,
	type EntityIdentity,
	type SellerDataStep,
	type SellerField,
	type SellerTaxData,
	type SellerTaxDetails
} from '../../domain/tax/dac7';
import { Log } from '../logs';
import { noticesOf, sellerTaxDataStore } from '../repos/dac7';
import { traderIdentity } from './trader';

const sellerData = new Log<SellerTaxData | null, SellerTaxData>({
	name: 'dac7-seller-data',
	store: sellerTaxDataStore,
	seqOf: (d) => d.seq,
	empty: () => null,
	apply: (_current, d) => d,
	freshMs: 2_000,
	maxStreams: 5_000
});

export function sellerTaxData(userId: string): Promise<SellerTaxData | null> {
	return sellerData.read(userId);
}

/** Stores the details as the person's newest version (the same details twice store nothing). */
export async function saveSellerTaxData(
	userId: string,
	details: SellerTaxDetails,
	now: Date
): Promise<{ ok: true } | { ok: false; problem: 'contention' }> {
	const result = await sellerData.append<never>(userId, (current, seq) => {
		const next = nextSellerTaxData(current, userId, details, seq, now);
		return next ? { ok: true, entry: next } : { ok: true, existing: current! };
	});
	return result.ok ? { ok: true } : { ok: false, problem: 'contention' };
}

export function entityOf(
	trader: { legalName: string; address: string; registerNumber: string } | null | undefined
): EntityIdentity | null {
	return trader
		? {
				legalName: trader.legalName,
				address: trader.address,
				registerNumber: trader.registerNumber
			}
		: null;
}

/** What the report lacks about this person; empty when complete. */
export async function missingOf(userId: string): Promise<SellerField[]> {
	const [data, trader] = await Promise.all([sellerTaxData(userId), traderIdentity(userId)]);
	return missingSellerFields(data, entityOf(trader));
}

/** Where this person's § 23 procedure stands (nothing until they were first asked). */
export async function stepOf(userId: string, now: Date): Promise<SellerDataStep> {
	const notices = await noticesOf(userId);
	const request = notices.find((n) => n.kind === 'request');
	if (!request) return { due: null, paused: false, pauseFrom: null };
	const complete = (await missingOf(userId)).length === 0;
	return sellerDataStep(
		{ complete, requestedAt: request.requestedAt, sent: new Set(notices.map((n) => n.kind)) },
		now
	);
}

/**
 * Whether this person may sell for euros now: the check the exchange service makes when a
 * euro exchange is proposed with them as provider (§ 23 PStTG: data still missing after two
 * reminders and 60 days).
 */
export async function euroSalesAllowed(userId: string, now = new Date()): Promise<boolean> {
	return euroSaleAllowed(await stepOf(userId, now));
}
