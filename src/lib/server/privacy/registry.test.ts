import { describe, expect, it } from 'vitest';
import type { Db } from 'mongodb';
import { collections } from '../db/collections';
import { NO_PERSON_COLLECTIONS, PERSONAL_COLLECTIONS, exportPlan, registryEntry } from './registry';

/** Collections that repositories open by name outside db/collections.ts. */
const OPENED_BY_NAME = [
	'platform_admins',
	'setup_tokens',
	'legal_versions',
	'rules_acceptances',
	'trader_identities',
	'dac7_seller_data',
	'dac7_settings',
	'dac7_notices',
	'dac7_holds'
];

const typedNames = Object.values(
	collections({ collection: (name: string) => name } as unknown as Db)
) as unknown as string[];

describe('personal-data registry', () => {
	it.each([...typedNames, ...OPENED_BY_NAME])('lists %s', (name) => {
		expect(registryEntry(name)).toBeDefined();
	});

	it('names each collection once', () => {
		const names = [...PERSONAL_COLLECTIONS, ...NO_PERSON_COLLECTIONS].map((c) => c.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('gives every personal collection a way to find the person, and every `via` a parent', () => {
		for (const c of PERSONAL_COLLECTIONS) {
			expect(c.refs.length, c.name).toBeGreaterThan(0);
			for (const ref of c.refs) {
				if ('via' in ref) expect(registryEntry(ref.via), `${c.name} via ${ref.via}`).toBeDefined();
			}
		}
	});

	it('exports a parent before the documents found through it', () => {
		const order = exportPlan().map((c) => c.name);
		expect(order.indexOf('conversations')).toBeLessThan(order.indexOf('chat_messages'));
		expect(order.indexOf('outbox')).toBeLessThan(order.indexOf('mail_events'));
		expect(order.indexOf('exchange_index')).toBeLessThan(order.indexOf('exchange_events'));
		expect(order.indexOf('profiles')).toBeLessThan(order.indexOf('photos'));
		expect(order).not.toContain('snapshots');
		expect(order).toContain('ledger');
	});

	it('never exports the secrets', () => {
		const users = PERSONAL_COLLECTIONS.find((c) => c.name === 'users')!;
		expect(users.export).toEqual({ include: true, omit: ['passwordHash'] });
		const sessions = PERSONAL_COLLECTIONS.find((c) => c.name === 'sessions')!;
		expect(sessions.export).toEqual({ include: true, omit: ['_id'] });
	});
});
