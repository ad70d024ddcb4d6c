import { describe, expect, it } from 'vitest';
import { problemStatus, type ExchangeProblem } from './problems';

describe('problemStatus', () => {
	it.each<[ExchangeProblem, number]>([
		['not_found', 404],
		['not_a_party', 403],
		['wrong_side', 403],
		['not_moderator', 403],
		['own_exchange', 403],
		['not_member', 403],
		['wrong_state', 409],
		['not_due', 409],
		['over_limit', 409],
		['busy', 409],
		['contention', 409],
		['invalid_minutes', 422],
		['reason_required', 422],
		['same_member', 422],
		['title_required', 422],
		['invalid_date', 422],
		['member_unavailable', 422],
		['listing_unavailable', 422],
		['settlement_mismatch', 422],
		['payment_processing', 409],
		['below_card_minimum', 422],
		['seller_data_missing', 409]
	])('%s -> %d', (problem, status) => {
		expect(problemStatus(problem)).toBe(status);
	});
});
