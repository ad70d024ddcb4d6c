// Connected accounts: a member who sells connects a Stripe Express account once and finishes
// Stripe's onboarding; the app shows the account's own status (charges, payouts), kept from
// `account.updated` events and from reading the account when the member comes back.
import { randomBytes } from 'node:crypto';
import {
	accountStatusFrom,
	connectStage,
	latestStatus,
	type AccountStatus,
	type ConnectStage
} from '../../domain/payments/account-status';
import {
	findConnectedAccount,
	insertAccountOwner,
	insertConnectedAccount
} from '../repos/payments';
import { appendAccountStatus, listAccountStatus } from './logs';
import {
	createConnectedAccount,
	createOnboardingLink,
	paymentsEnabled,
	retrieveConnectedAccount
} from './stripe';

/** The idempotency key of a person's account: Stripe answers every create under it (24 h) with
 * the same account, so two clicks, tabs or servers create one. */
export const connectIdempotencyKey = (userId: string) => `connect-account:${userId}`;

/**
 * The person's Stripe account, created on the first call. Two racing calls send the same
 * idempotency key (one account at Stripe) and insert the same `_id` (one mapping here); the
 * loser reads the winner's mapping.
 */
export async function connectAccount(
	userId: string,
	quarterId: string,
	now: Date
): Promise<{ accountId: string; created: boolean }> {
	const existing = await findConnectedAccount(userId);
	if (existing) return { accountId: existing.stripeAccountId, created: false };
	const account = await createConnectedAccount({
		userId,
		quarterId,
		idempotencyKey: connectIdempotencyKey(userId)
	});
	const inserted = await insertConnectedAccount({
		userId,
		stripeAccountId: account.id,
		quarterId,
		createdAt: now
	});
	if (!inserted) {
		const winner = await findConnectedAccount(userId);
		return { accountId: winner!.stripeAccountId, created: false };
	}
	await insertAccountOwner(account.id, userId);
	await appendAccountStatus(account.id, {
		...accountStatusFrom(account),
		observedAt: (account.created ?? Math.floor(now.getTime() / 1000)) * 1000,
		source: `create:${account.id}`
	});
	return { accountId: account.id, created: true };
}

/** Where to send the person next: a fresh single-use onboarding link of their account. */
export async function startOnboarding(
	userId: string,
	quarterId: string,
	urls: { returnUrl: string; refreshUrl: string },
	now: Date
): Promise<string> {
	const { accountId } = await connectAccount(userId, quarterId, now);
	const link = await createOnboardingLink({ accountId, ...urls });
	return link.url;
}

/** Reads the account at Stripe once (the person just came back) and keeps what it says. */
export async function refreshAccountStatus(userId: string, now: Date): Promise<void> {
	const mapping = await findConnectedAccount(userId);
	if (!mapping) return;
	const account = await retrieveConnectedAccount(mapping.stripeAccountId);
	await appendAccountStatus(account.id, {
		...accountStatusFrom(account),
		observedAt: now.getTime(),
		source: `retrieve:${now.getTime()}:${randomBytes(4).toString('hex')}`
	});
}

export interface PayoutStatus {
	/** Whether this installation takes card payments at all (Stripe keys set). */
	enabled: boolean;
	stage: ConnectStage;
	status: AccountStatus | null;
	accountId: string | null;
}

export async function payoutStatus(userId: string): Promise<PayoutStatus> {
	const mapping = await findConnectedAccount(userId);
	const status = mapping ? latestStatus(await listAccountStatus(mapping.stripeAccountId)) : null;
	return {
		enabled: paymentsEnabled(),
		stage: connectStage(!!mapping, status),
		status,
		accountId: mapping?.stripeAccountId ?? null
	};
}
