import { describe, expect, it } from 'vitest';
import { accept, allowedMoves, movesToOffer, propose, type Actor } from './workflow';

const provider: Actor = { id: 'prov', moderator: false };
const receiver: Actor = { id: 'recv', moderator: false };
const T0 = new Date('2025-03-01T10:00:00Z');

const proposal = () => {
	const result = propose(
		{
			providerId: 'prov',
			receiverId: 'recv',
			listingId: 'listing-1',
			title: 'Fahrrad reparieren',
			date: null,
			minutes: 90,
			settlement: 'hours'
		},
		receiver,
		T0
	);
	if (!result.ok) throw new Error(result.error);
	return result.exchange;
};

// "Ablehnen" and "Absagen" side by side, each with its own reason box, asked the same thing twice.
describe('movesToOffer: one clear action per state', () => {
	it('offers the one who got a proposal accept or decline, not also cancel', () => {
		const exchange = proposal();
		expect(allowedMoves(exchange, provider)).toContain('cancel');
		expect(movesToOffer(allowedMoves(exchange, provider))).toEqual(['accept', 'decline']);
	});

	it('offers the proposer the cancel (withdraw) of their proposal', () => {
		expect(movesToOffer(allowedMoves(proposal(), receiver))).toEqual(['cancel']);
	});

	it('keeps the cancel once the proposal is accepted', () => {
		const result = accept(proposal(), provider, new Date(T0.getTime() + 60_000));
		if (!result.ok) throw new Error(result.error);
		expect(movesToOffer(allowedMoves(result.exchange, provider))).toContain('cancel');
		expect(movesToOffer(allowedMoves(result.exchange, provider))).not.toContain('decline');
	});
});
