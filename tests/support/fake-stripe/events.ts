// Webhook events as Stripe makes and sends them: signed with the endpoint's secret, delivered
// at least once, in no particular order. `deliverAtLeastOnce` sends copies and shuffles them, as
// Stripe's retries and parallel deliveries do.
import Stripe from 'stripe';
import { newId, now, type Obj } from './http';

export interface Delivery {
	eventId: string;
	type: string;
	status: number;
}

export class EventOutbox {
	/** Every event the fake made, in order, delivered or not. */
	readonly events: Stripe.Event[] = [];
	readonly deliveries: Delivery[] = [];
	/** The API version events are rendered in: the webhook endpoint's version at Stripe. */
	apiVersion: string = Stripe.API_VERSION;
	private readonly signer = new Stripe('sk_test_signer_only');

	constructor(
		private readonly webhookSecret: string,
		private readonly webhookUrl: string | undefined
	) {}

	/** An event as Stripe sends it; `account` is set for events of a connected account. */
	event(type: string, object: Obj, extra: { account?: string; previous?: Obj } = {}): Stripe.Event {
		const event = {
			id: newId('evt'),
			object: 'event',
			...(extra.account ? { account: extra.account } : {}),
			api_version: this.apiVersion,
			created: now(),
			data: { object, ...(extra.previous ? { previous_attributes: extra.previous } : {}) },
			livemode: false,
			pending_webhooks: 1,
			request: { id: null, idempotency_key: null },
			type
		} as unknown as Stripe.Event;
		this.events.push(event);
		return event;
	}

	/** The body and Stripe-Signature header for an event, signed with the webhook secret. */
	signed(event: Stripe.Event, secret = this.webhookSecret): { body: string; signature: string } {
		const body = JSON.stringify(event, null, 2);
		return {
			body,
			signature: this.signer.webhooks.generateTestHeaderString({ payload: body, secret })
		};
	}

	/** Posts a signed event to the app; the answer's status is recorded and returned. */
	async deliver(
		event: Stripe.Event,
		options: { secret?: string; url?: string } = {}
	): Promise<number> {
		const url = options.url ?? this.webhookUrl;
		if (!url) return 0;
		const { body, signature } = this.signed(event, options.secret);
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'stripe-signature': signature,
				'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
			},
			body
		});
		await response.arrayBuffer();
		this.deliveries.push({ eventId: event.id, type: event.type, status: response.status });
		return response.status;
	}

	/** Announces an event later, as Stripe does: the app must not depend on when. */
	announce(type: string, object: Obj): Stripe.Event {
		const event = this.event(type, structuredClone(object));
		setTimeout(() => void this.deliver(event).catch(() => undefined), 10);
		return event;
	}
}

/**
 * Each event `copies` times, shuffled with `random` (a seeded one keeps a failing order
 * reproducible): what an endpoint sees from Stripe's at-least-once delivery.
 */
export function atLeastOnce<T>(events: readonly T[], copies: number, random: () => number): T[] {
	const all = events.flatMap((e) => Array.from({ length: copies }, () => e));
	for (let i = all.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[all[i], all[j]] = [all[j]!, all[i]!];
	}
	return all;
}
