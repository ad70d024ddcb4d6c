// A connected (Stripe Express) account's status as the app shows it. Stripe's account object is
// the truth; the app keeps snapshots of it (from `account.updated` events and from reading the
// account when someone returns from onboarding) and shows the newest one.

export interface AccountStatus {
	chargesEnabled: boolean;
	payoutsEnabled: boolean;
	detailsSubmitted: boolean;
	/** Fields Stripe still needs now (`requirements.currently_due`). */
	currentlyDue: string[];
	disabledReason: string | null;
}

export interface StatusSnapshot extends AccountStatus {
	/** When the status was true at Stripe: the event's `created` or the time it was read, in ms. */
	observedAt: number;
	/** The event id or `retrieve:…`: equal times are ordered by it, never by arrival. */
	source: string;
}

/** The fields of Stripe's account object that the app reads. */
export interface AccountLike {
	charges_enabled?: unknown;
	payouts_enabled?: unknown;
	details_submitted?: unknown;
	requirements?: { currently_due?: unknown; disabled_reason?: unknown } | null;
}

export function accountStatusFrom(account: AccountLike): AccountStatus {
	const due = account.requirements?.currently_due;
	const reason = account.requirements?.disabled_reason;
	return {
		chargesEnabled: account.charges_enabled === true,
		payoutsEnabled: account.payouts_enabled === true,
		detailsSubmitted: account.details_submitted === true,
		currentlyDue: Array.isArray(due) ? due.filter((d): d is string => typeof d === 'string') : [],
		disabledReason: typeof reason === 'string' ? reason : null
	};
}

/** The newest snapshot: events may arrive in any order, so arrival never decides. */
export function latestStatus(snapshots: readonly StatusSnapshot[]): StatusSnapshot | null {
	let best: StatusSnapshot | null = null;
	for (const s of snapshots) {
		if (
			!best ||
			s.observedAt > best.observedAt ||
			(s.observedAt === best.observedAt && s.source > best.source)
		)
			best = s;
	}
	return best;
}

export type ConnectStage =
	'not_connected' | 'onboarding_incomplete' | 'charges_enabled' | 'payouts_enabled';

export function connectStage(connected: boolean, status: AccountStatus | null): ConnectStage {
	if (!connected) return 'not_connected';
	if (!status?.chargesEnabled) return 'onboarding_incomplete';
	return status.payoutsEnabled ? 'payouts_enabled' : 'charges_enabled';
}

/** Whether buyers may pay this seller by card: Stripe lets the account take charges. */
export function canReceiveCardPayments(status: AccountStatus | null): boolean {
	return status?.chargesEnabled === true;
}
