// Disputes (chargebacks): the buyer's bank takes the money back from a charge; the dispute is
// open (needs_response) until the bank decides, won or lost. With destination charges the
// platform's balance pays it.
import { newId, now, type Obj } from './http';
import type { FakeState } from './state';

export async function openDispute(
	s: FakeState,
	paymentIntentId: string,
	reason = 'fraudulent'
): Promise<Obj> {
	const pi = s.paymentIntents.get(paymentIntentId);
	const charge = pi?.latest_charge ? s.charges.get(pi.latest_charge as string) : undefined;
	if (!charge) throw new Error(`no charge for ${paymentIntentId}`);
	const id = newId('dp');
	const dispute: Obj = {
		id,
		object: 'dispute',
		amount: charge.amount,
		charge: charge.id,
		created: now(),
		currency: 'eur',
		evidence_details: { due_by: now() + 7 * 24 * 3600, has_evidence: false, submission_count: 0 },
		is_charge_refundable: false,
		livemode: false,
		metadata: {},
		payment_intent: paymentIntentId,
		reason,
		status: 'needs_response'
	};
	s.disputes.set(id, dispute);
	charge.disputed = true;
	await s.outbox.deliver(s.outbox.event('charge.dispute.created', structuredClone(dispute)));
	return dispute;
}

export async function closeDispute(s: FakeState, disputeId: string, status: 'won' | 'lost') {
	const dispute = s.disputes.get(disputeId);
	if (!dispute) throw new Error(`no dispute ${disputeId}`);
	dispute.status = status;
	await s.outbox.deliver(s.outbox.event('charge.dispute.closed', structuredClone(dispute)));
	return dispute;
}
