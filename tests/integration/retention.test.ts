// Retention against the real FerretDB: old notifications, closed conversations and expired
// sessions go, recent ones stay; two servers may run the job at once; and the insert-only logs
// keep appending afterwards (a server that loads a person's notifications starts at the floor
// instead of handing out a deleted number again).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { getDb } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { findConversation } from '../../src/lib/server/repos/conversations';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertSession } from '../../src/lib/server/repos/sessions';
import { insertUser } from '../../src/lib/server/repos/users';
import { createListing } from '../../src/lib/server/services/listings';
import { createMessagingService } from '../../src/lib/server/services/messaging';
import { fileFlag } from '../../src/lib/server/services/moderation';
import { Notifications } from '../../src/lib/server/services/notifications';
import {
	purgeClosedConversations,
	purgeExpired,
	purgeOldNotifications,
	runRetention
} from '../../src/lib/server/services/privacy';

const Q = 'aufbewahrquartier';
const ORIGIN = 'http://quartier.test';
const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
let quarter: Quarter;

async function person(name: string): Promise<string> {
	const id = newId();
	await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		daysAgo(1000),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role: 'resident', state: 'active' }, now);
	return id;
}

beforeAll(async () => {
	const settings = { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false };
	await insertQuarter(
		{
			id: Q,
			name: 'Aufbewahrquartier',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings,
			blocks: []
		},
		now
	);
	quarter = (await findQuarter(Q))!;
});

const notice = { quarterId: Q, kind: 'membership' as const, exchangeId: null, move: 'approved' };

describe('notifications', () => {
	it('deletes the old ones behind a floor, and the log keeps counting on every server', async () => {
		const anna = await person('Anna');
		const server1 = new Notifications();
		const server2 = new Notifications();
		for (let i = 0; i < 5; i++) {
			await server1.notify(
				anna,
				{ ...notice, actorId: 'x', title: `alt ${i}`, minutes: null },
				daysAgo(400 - i)
			);
		}
		for (let i = 0; i < 2; i++) {
			await server1.notify(
				anna,
				{ ...notice, actorId: 'x', title: `neu ${i}`, minutes: null },
				daysAgo(3)
			);
		}
		expect(await server2.head(anna)).toBe(7);

		// Two servers run the job at once: the five old ones go once.
		const [one, two] = await Promise.all([
			purgeOldNotifications(now, 180),
			purgeOldNotifications(now, 180)
		]);
		expect(one + two).toBeGreaterThanOrEqual(5);
		const stored = await (
			await getDb()
		)
			.collection('notifications')
			.find({ userId: anna })
			.toArray();
		expect(stored.map((d) => d.n).sort()).toEqual([6, 7]);
		expect(await purgeOldNotifications(now, 180)).toBe(0);

		// A server that never saw Anna starts at the floor and finds the newest number.
		const server3 = new Notifications();
		expect(await server3.head(anna)).toBe(7);
		expect(
			await server3.notify(anna, { ...notice, actorId: 'x', title: 'neu 2', minutes: null }, now)
		).toBe(8);
		// The others follow: a server holding an older number takes the next free one.
		expect(
			await server2.notify(anna, { ...notice, actorId: 'x', title: 'neu 3', minutes: null }, now)
		).toBe(9);
		const list = await new Notifications().list(anna);
		expect(list.map((n) => n.title)).toEqual(['neu 3', 'neu 2', 'neu 1', 'neu 0']);
	});
});

describe('conversations', () => {
	it('deletes closed ones and keeps live, recent and reported ones', async () => {
		const anna = await person('Anna');
		const ben = await person('Ben');
		const cem = await person('Cem');
		const dora = await person('Dora');
		const server = createMessagingService();
		const start = async (from: string, to: string, text: string, at: Date, listingId?: string) => {
			const started = await server.start({
				senderId: from,
				target: listingId ? { quarterId: Q, listingId } : { quarterId: Q, memberId: to },
				text,
				origin: ORIGIN,
				now: at
			});
			if (!started.ok) throw new Error(started.problem);
			await server.send({
				conversationId: started.conversationId,
				senderId: to,
				text: 'Antwort',
				origin: ORIGIN,
				now: at
			});
			return started.conversationId;
		};
		const old = await start(anna, ben, 'Vor langer Zeit', daysAgo(800));
		const recent = await start(anna, cem, 'Neulich', daysAgo(10));
		const reported = await start(anna, dora, 'Gemeldet', daysAgo(800));
		await fileFlag(Q, 'conversation', reported, dora, 'other', 'bitte ansehen', daysAgo(799));
		const created = await createListing({
			quarter,
			userId: ben,
			membership: await findMembership(Q, ben),
			content: {
				kind: 'offer',
				title: 'Fahrrad reparieren',
				description: 'Gern.',
				category: DEFAULT_CATEGORIES[0]!.id,
				tags: [],
				settlement: 'hours',
				priceCents: null,
				priceUnit: null,
				availability: '',
				blockId: null,
				photoId: null
			},
			submit: true,
			now: daysAgo(900)
		});
		if (!created.ok) throw new Error(created.problem);
		const aboutLive = await start(cem, ben, 'Noch aktuell?', daysAgo(800), created.listing.id);

		const [a, b] = await Promise.all([
			purgeClosedConversations(now, 730),
			purgeClosedConversations(now, 730)
		]);
		expect(a.conversations + b.conversations).toBeGreaterThanOrEqual(1);
		expect(await findConversation(old)).toBeNull();
		const messages = await (
			await getDb()
		)
			.collection('chat_messages')
			.countDocuments({ conversationId: old });
		expect(messages).toBe(0);
		for (const kept of [recent, reported, aboutLive]) {
			expect(await findConversation(kept), kept).not.toBeNull();
		}
		// Anna's inbox still lists what is left, and the two can start again.
		const inbox = await createMessagingService().list(anna);
		expect(inbox.map((i) => i.id).sort()).toEqual([recent, reported].sort());
		const again = await createMessagingService().start({
			senderId: anna,
			target: { quarterId: Q, memberId: ben },
			text: 'Hallo wieder',
			origin: ORIGIN,
			now
		});
		expect(again).toMatchObject({ ok: true, conversationId: old, seq: 1 });
	});
});

describe('expired records', () => {
	it('go after their period, and a second run finds nothing', async () => {
		const anna = await person('Anna');
		await insertSession({ id: `s-${newId()}`, userId: anna, expiresAt: daysAgo(5) }, daysAgo(40));
		const keep = `s-${newId()}`;
		await insertSession({ id: keep, userId: anna, expiresAt: daysAgo(1) }, daysAgo(40));
		const purged = await purgeExpired(now, 3);
		expect(purged.sessions).toBeGreaterThanOrEqual(1);
		expect(
			await (await getDb()).collection('sessions').findOne({ _id: keep as never })
		).not.toBeNull();
		await runRetention(now, { notificationsDays: 180, conversationsDays: 730, expiredDays: 3 });
		expect(
			await runRetention(now, { notificationsDays: 180, conversationsDays: 730, expiredDays: 3 })
		).toEqual({
			notifications: 0,
			conversations: 0,
			messages: 0,
			sessions: 0,
			tokens: 0,
			rateLimits: 0
		});
	});
});
