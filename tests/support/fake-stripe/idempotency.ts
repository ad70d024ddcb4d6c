// Stripe's idempotency keys as Stripe keeps them: a key is remembered only once an endpoint
// began to carry out its request. A request with a remembered key and the same parameters gets
// the first answer again (`Idempotent-Replayed`); with other parameters, 400 idempotency_error;
// while the first request with the key is still running, 409 idempotency_key_in_use. A request
// refused by validation is not remembered, so the key may be used again. Keys are forgotten
// after 24 hours (`forgetAll` stands in for that).

export type IdempotentAnswer =
	| { kind: 'run' }
	| { kind: 'replay'; status: number; body: string }
	| { kind: 'conflict'; status: number; body: string };

interface Entry {
	fingerprint: string;
	running: boolean;
	status: number;
	body: string;
}

export class IdempotencyKeys {
	private readonly entries = new Map<string, Entry>();

	/** What to do with a request; `run` marks the key as taken by this request. */
	begin(key: string, fingerprint: string): IdempotentAnswer {
		const seen = this.entries.get(key);
		if (!seen) {
			this.entries.set(key, { fingerprint, running: true, status: 0, body: '' });
			return { kind: 'run' };
		}
		if (seen.running) {
			return {
				kind: 'conflict',
				status: 409,
				body: JSON.stringify({
					error: {
						type: 'idempotency_error',
						code: 'idempotency_key_in_use',
						message:
							'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please try again later.'
					}
				})
			};
		}
		if (seen.fingerprint !== fingerprint) {
			return {
				kind: 'conflict',
				status: 400,
				body: JSON.stringify({
					error: {
						type: 'idempotency_error',
						message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
					}
				})
			};
		}
		return { kind: 'replay', status: seen.status, body: seen.body };
	}

	/** The request finished: its answer is kept, or (not started) the key is free again. */
	finish(key: string, answer: { status: number; body: string } | null): void {
		if (!answer) {
			this.entries.delete(key);
			return;
		}
		this.entries.set(key, { ...this.entries.get(key)!, running: false, ...answer });
	}

	/** 24 hours have passed: Stripe no longer knows any key. */
	forgetAll(): void {
		this.entries.clear();
	}
}
