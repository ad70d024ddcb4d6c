// Connected accounts and their onboarding: Express accounts in Germany, single-use account
// links, and Stripe's onboarding finishing (capabilities active, `account.updated` sent).
import { randomBytes } from 'node:crypto';
import { invalid, missing, need, newId, now, type Obj } from './http';
import type { FakeState } from './state';

export function requirements(due: string[]): Obj {
	return {
		alternatives: [],
		current_deadline: null,
		currently_due: due,
		disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
		errors: [],
		eventually_due: due,
		past_due: due,
		pending_verification: []
	};
}

export function createAccount(s: FakeState, params: Obj): Obj {
	if (need(params, 'type') !== 'express')
		throw invalid('The fake supports Express accounts only.', 'type');
	const id = newId('acct', 16);
	const capabilities = (params.capabilities ?? {}) as Record<string, { requested?: string }>;
	const account: Obj = {
		id,
		object: 'account',
		business_profile: { mcc: null, name: null, url: null, support_email: null },
		business_type: null,
		capabilities: Object.fromEntries(
			Object.entries(capabilities)
				.filter(([, c]) => c.requested === 'true')
				.map(([name]) => [name, 'inactive'])
		),
		charges_enabled: false,
		controller: { is_controller: true, type: 'application' },
		country: need(params, 'country'),
		created: now(),
		default_currency: 'eur',
		details_submitted: false,
		email: null,
		external_accounts: {
			object: 'list',
			data: [],
			has_more: false,
			total_count: 0,
			url: `/v1/accounts/${id}/external_accounts`
		},
		metadata: params.metadata ?? {},
		payouts_enabled: false,
		requirements: requirements([
			'business_profile.url',
			'business_type',
			'external_account',
			'tos_acceptance.date',
			'tos_acceptance.ip'
		]),
		settings: { payouts: { schedule: { delay_days: 7, interval: 'daily' } } },
		tos_acceptance: { date: null },
		type: 'express'
	};
	s.accounts.set(id, account);
	return account;
}

export function retrieveAccount(s: FakeState, id: string): Obj {
	const found = s.accounts.get(id);
	if (!found) throw missing('account', id, 'account');
	return found;
}

export function createAccountLink(s: FakeState, params: Obj): Obj {
	const accountId = need(params, 'account');
	if (!s.accounts.has(accountId))
		throw invalid(`No such account: '${accountId}'`, 'account', 'resource_missing');
	if (need(params, 'type') !== 'account_onboarding') throw invalid('Invalid type', 'type');
	const token = randomBytes(12).toString('hex');
	const created = now();
	s.links.set(token, {
		account: accountId,
		refresh: need(params, 'refresh_url'),
		ret: need(params, 'return_url'),
		used: false,
		expiresAt: created + 300
	});
	return {
		object: 'account_link',
		created,
		expires_at: created + 300,
		url: `${s.url}/connect/onboarding/${token}`
	};
}

/** The person finished onboarding: everything is submitted and verified. */
export async function completeOnboarding(s: FakeState, accountId: string): Promise<Obj> {
	return changeAccount(s, accountId, {
		charges_enabled: true,
		payouts_enabled: true,
		details_submitted: true,
		capabilities: { card_payments: 'active', transfers: 'active' },
		requirements: requirements([])
	});
}

/** Stripe took the transfers capability away (e.g. a verification lapsed): destination
 * charges to the account are refused until it is active again. */
export async function pauseTransfers(s: FakeState, accountId: string): Promise<Obj> {
	const account = s.accounts.get(accountId);
	if (!account) throw new Error(`no account ${accountId}`);
	return changeAccount(s, accountId, {
		capabilities: { ...(account.capabilities as Obj), transfers: 'inactive' }
	});
}

async function changeAccount(s: FakeState, accountId: string, change: Obj): Promise<Obj> {
	const account = s.accounts.get(accountId);
	if (!account) throw new Error(`no account ${accountId}`);
	const previous = Object.fromEntries(Object.keys(change).map((k) => [k, account[k]]));
	Object.assign(account, change);
	await s.outbox.deliver(
		s.outbox.event('account.updated', structuredClone(account), {
			account: accountId,
			previous
		})
	);
	return account;
}
