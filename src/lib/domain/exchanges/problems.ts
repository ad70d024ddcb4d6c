// What the exchange service may answer instead of doing a move, and the HTTP status a page or
// endpoint should use for it (STYLE.md: 403 forbidden, 404 missing, 409 conflict, 422 input).
import type { ExchangeError } from './workflow';

export type ExchangeProblem =
	| ExchangeError
	/** No such exchange, or not one this person may see. */
	| 'not_found'
	/** The person is not an active member of the quarter (pending, suspended, none). */
	| 'not_member'
	/** The other side is not an active member of the quarter. */
	| 'member_unavailable'
	/** The listing is not published (any more) or not in this quarter. */
	| 'listing_unavailable'
	/** The listing does not take the chosen settlement. */
	| 'settlement_mismatch'
	/** A balance would leave its limits; see the ledger's problem. */
	| 'over_limit'
	/** Another server is booking this exchange's hours right now: try again in a moment. */
	| 'busy'
	/** Too many writers at once; try again. */
	| 'contention'
	/** A card payment for the exchange is being processed: no second one. */
	| 'payment_processing'
	/** Stripe takes no card payment under its minimum (0.50 €). */
	| 'below_card_minimum'
	/** A minor provides for euros: never (domain/trust/age.ts, issue 16 item 3). */
	| 'seller_minor'
	/** The provider's euro sales are paused: seller data for the PStTG still missing. */
	| 'seller_data_missing';

const STATUS: Record<ExchangeProblem, 403 | 404 | 409 | 422> = {
	not_found: 404,
	not_a_party: 403,
	wrong_side: 403,
	not_moderator: 403,
	own_exchange: 403,
	not_member: 403,
	wrong_state: 409,
	not_due: 409,
	over_limit: 409,
	busy: 409,
	contention: 409,
	payment_processing: 409,
	below_card_minimum: 422,
	seller_minor: 403,
	seller_data_missing: 409,
	invalid_minutes: 422,
	reason_required: 422,
	same_member: 422,
	title_required: 422,
	invalid_date: 422,
	member_unavailable: 422,
	listing_unavailable: 422,
	settlement_mismatch: 422,
	wrong_settlement: 422,
	invalid_amount: 422,
	already_done: 409
};

export function problemStatus(problem: ExchangeProblem): 403 | 404 | 409 | 422 {
	return STATUS[problem];
}
