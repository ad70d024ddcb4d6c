// A quarter that takes card payments, for the integration tests of exchanges in euros: its
// people, a seller whose Stripe account (at the fake Stripe) has finished onboarding, a
// moderator, and delivery of the fake's webhook events through the app's webhook service.
import type Stripe from 'stripe';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import {
	DEFAULT_QUARTER_SETTINGS,
	type QuarterSettings
} from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { connectAccount } from '../../src/lib/server/payments/connect';
import { receiveWebhook } from '../../src/lib/server/payments/webhooks';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import type { ExchangeResult } from '../../src/lib/server/services/exchanges';
import type { FakeStripe } from '../support/fake-stripe/index';

export type Role = 'resident' | 'business' | 'moderator';

/** A new active member of the quarter; their id. */
export async function person(quarterId: string, role: Role = 'resident'): Promise<string> {
	const id = newId();
	await insertUser(
		{
			id,
			email: `${id}@beispiel.de`,
			displayName: `P ${id.slice(-4)}`,
			locale: 'de',
			passwordHash: '-'
		},
		new Date(),
		true
	);
	await insertMembership({ quarterId, userId: id, role, state: 'active' }, new Date());
	return id;
}

/** The exchange of a result that must have been accepted. */
export function ok(result: ExchangeResult) {
	if (!result.ok) throw new Error(`refused: ${result.problem}`);
	return result.exchange;
}

/** Signs the event as Stripe would and hands it to the app's webhook service. */
export function deliver(fake: FakeStripe, event: Stripe.Event) {
	const { body, signature } = fake.signed(event);
	return receiveWebhook(body, signature, new Date());
}

/** Creates the quarter with a seller ready for card payments and a moderator. */
export async function euroQuarter(
	fake: FakeStripe,
	quarter: { id: string; name: string; settings?: Partial<QuarterSettings> }
): Promise<{ seller: string; accountId: string; moderator: string }> {
	await insertQuarter(
		{
			id: quarter.id,
			name: quarter.name,
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: { ...DEFAULT_QUARTER_SETTINGS, ...quarter.settings }
		},
		new Date()
	);
	const seller = await person(quarter.id, 'business');
	const moderator = await person(quarter.id, 'moderator');
	const { accountId } = await connectAccount(seller, quarter.id, new Date());
	await fake.completeOnboarding(accountId);
	await deliver(fake, fake.events.at(-1)!);
	return { seller, accountId, moderator };
}
