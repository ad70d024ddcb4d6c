// What the fake Stripe knows, shared by its parts: the objects by id and the event outbox.
import type { EventOutbox } from './events';
import type { Obj } from './http';

export interface AccountLink {
	account: string;
	refresh: string;
	ret: string;
	used: boolean;
	expiresAt: number;
}

export interface FakeState {
	/** The fake's own origin, for the URLs of its hosted pages. */
	readonly url: string;
	readonly outbox: EventOutbox;
	readonly accounts: Map<string, Obj>;
	readonly links: Map<string, AccountLink>;
	readonly sessions: Map<string, Obj>;
	readonly paymentIntents: Map<string, Obj>;
	readonly charges: Map<string, Obj>;
	readonly refunds: Map<string, Obj>;
	readonly applicationFees: Map<string, Obj>;
	readonly disputes: Map<string, Obj>;
}
