// Messaging against the real FerretDB (SQLite), often with two messaging services standing in
// for two app servers: concurrent sends lose nothing and number messages 1..n, two starts make
// one conversation, unread counts follow read markers, mails are batched and sent once, and the
// quarter management reads a conversation only after a report.
import type { Locale } from '../../src/lib/domain/locale';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { emptyProfile, type MessageNotification } from '../../src/lib/domain/members/profile';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import {
	directConversationId,
	listingConversationId
} from '../../src/lib/domain/messages/conversation';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listPendingNotifications } from '../../src/lib/server/repos/conversations';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { saveProfile } from '../../src/lib/server/repos/profiles';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import { createListing } from '../../src/lib/server/services/listings';
import {
	createMessagingService,
	type MessagingService
} from '../../src/lib/server/services/messaging';

const Q = 'chatquartier';
const OTHER = 'nachbarquartier';
const ORIGIN = 'http://quartier.test';
const MINUTE = 60 * 1000;

let quarter: Quarter;

async function person(
	displayName: string,
	memberships: Array<[quarterId: string, role: Role, state?: MembershipState]> = [[Q, 'resident']],
	locale: Locale = 'de'
): Promise<{ id: string; email: string }> {
	const id = newId();
	const email = `${id}@beispiel.de`;
	await insertUser({ id, email, displayName, locale, passwordHash: 'not-used' }, new Date(), true);
	for (const [quarterId, role, state = 'active'] of memberships) {
		await insertMembership({ quarterId, userId: id, role, state }, new Date());
	}
	return { id, email };
}

async function setNotification(userId: string, setting: MessageNotification) {
	await saveProfile({ ...emptyProfile(Q, userId, new Date()), messageNotification: setting });
}

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '', categories: [...DEFAULT_CATEGORIES] };
	const settings = { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false };
	await insertQuarter({ ...base, id: Q, name: 'Chatquartier', settings, blocks: [] }, new Date());
	await insertQuarter(
		{ ...base, id: OTHER, name: 'Nachbarquartier', settings, blocks: [] },
		new Date()
	);
	quarter = (await findQuarter(Q))!;
});

function send(
	server: MessagingService,
	conversationId: string,
	senderId: string,
	text: string,
	now = new Date()
) {
	return server.send({ conversationId, senderId, text, origin: ORIGIN, now });
}

describe('starting a conversation', () => {
	it('two starts at once, on two servers and from both sides, make one conversation', async () => {
		const anna = await person('Anna B.');
		const jonas = await person('Jonas H.');
		const a = createMessagingService();
		const b = createMessagingService();
		const now = new Date();
		const results = await Promise.all([
			a.start({
				senderId: anna.id,
				target: { quarterId: Q, memberId: jonas.id },
				text: 'Hallo Jonas!',
				origin: ORIGIN,
				now
			}),
			b.start({
				senderId: jonas.id,
				target: { quarterId: Q, memberId: anna.id },
				text: 'Hallo Anna!',
				origin: ORIGIN,
				now
			}),
			a.start({
				senderId: anna.id,
				target: { quarterId: Q, memberId: jonas.id },
				text: 'Doppelklick',
				origin: ORIGIN,
				now
			})
		]);
		const id = directConversationId(Q, anna.id, jonas.id);
		expect(results.map((r) => r.ok && r.conversationId)).toEqual([id, id, id]);
		expect(results.map((r) => (r.ok ? r.seq : 0)).sort()).toEqual([1, 2, 3]);

		// A third server that has seen nothing yet finds exactly one conversation in each inbox.
		const c = createMessagingService();
		for (const who of [anna, jonas]) {
			const list = await c.list(who.id);
			expect(list.map((item) => item.id)).toEqual([id]);
			expect(list[0]!.direct).toBe(true);
		}
		const view = await c.read({ conversationId: id, userId: anna.id, now: new Date() });
		expect(view!.messages.map((msg) => msg.seq)).toEqual([1, 2, 3]);
		expect(view!.other.name).toBe('Jonas H.');
		// No contact details unless Jonas chooses to show them.
		expect(view!.other.email).toBeNull();
		expect(view!.other.phone).toBeNull();
	});

	it('contacting the author of a listing names the conversation by listing and contact', async () => {
		const author = await person('Autorin');
		const neighbour = await person('Nachbar');
		const created = await createListing({
			quarter,
			userId: author.id,
			membership: await findMembership(Q, author.id),
			content: {
				kind: 'offer',
				title: 'Kuchen backen für Feste',
				description: 'Ich backe gern.',
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
			now: new Date()
		});
		if (!created.ok) throw new Error(created.problem);
		const listingId = created.listing.id;
		const server = createMessagingService();
		const started = await server.start({
			senderId: neighbour.id,
			target: { quarterId: Q, listingId },
			text: 'Backst du auch vegan?',
			origin: ORIGIN,
			now: new Date()
		});
		expect(started).toEqual({
			ok: true,
			conversationId: listingConversationId(listingId, neighbour.id),
			seq: 1
		});
		const [item] = await createMessagingService().list(author.id);
		expect(item).toMatchObject({
			listingTitle: 'Kuchen backen für Feste',
			direct: false,
			unread: 1
		});

		// The author cannot contact themselves about their own listing.
		expect(
			await server.start({
				senderId: author.id,
				target: { quarterId: Q, listingId },
				text: 'x',
				origin: ORIGIN,
				now: new Date()
			})
		).toEqual({ ok: false, problem: 'self' });
		// The listing belongs to another quarter than the one named.
		expect(
			await server.start({
				senderId: neighbour.id,
				target: { quarterId: OTHER, listingId },
				text: 'x',
				origin: ORIGIN,
				now: new Date()
			})
		).toEqual({ ok: false, problem: 'not_found' });
	});

	it('refuses oneself, people who are not active members here, and inactive senders', async () => {
		const server = createMessagingService();
		const sender = await person('Senderin');
		const pending = await person('Wartend', [[Q, 'resident', 'pending']]);
		const suspended = await person('Gesperrt', [[Q, 'resident', 'suspended']]);
		const foreign = await person('Fremd', [[OTHER, 'resident']]);
		const resident = await person('Bewohnerin');
		const start = (
			senderId: string,
			target: { quarterId: string; memberId?: string; listingId?: string }
		) => server.start({ senderId, target, text: 'Hallo', origin: ORIGIN, now: new Date() });

		expect(await start(sender.id, { quarterId: Q, memberId: sender.id })).toEqual({
			ok: false,
			problem: 'self'
		});
		for (const unavailable of [pending, suspended, foreign]) {
			expect(await start(sender.id, { quarterId: Q, memberId: unavailable.id })).toEqual({
				ok: false,
				problem: 'recipient_unavailable'
			});
		}
		expect(await start(sender.id, { quarterId: Q, memberId: newId() })).toEqual({
			ok: false,
			problem: 'recipient_unavailable'
		});
		for (const inactive of [pending, suspended, foreign]) {
			expect(await start(inactive.id, { quarterId: Q, memberId: resident.id })).toEqual({
				ok: false,
				problem: 'sender_inactive'
			});
		}
		expect(await start(sender.id, { quarterId: Q, listingId: newId() })).toEqual({
			ok: false,
			problem: 'not_found'
		});
		expect(await start(sender.id, { quarterId: 'gibtsnicht', memberId: resident.id })).toEqual({
			ok: false,
			problem: 'not_found'
		});
		expect(
			await server.start({
				senderId: sender.id,
				target: { quarterId: Q, memberId: resident.id },
				text: ' \n',
				origin: ORIGIN,
				now: new Date()
			})
		).toEqual({
			ok: false,
			problem: 'empty'
		});
		// Nothing of the refused attempts was stored.
		expect(await createMessagingService().list(sender.id)).toEqual([]);
	});
});

describe('sending', () => {
	it('20 concurrent sends from two servers into one conversation give messages 1..20, none lost', async () => {
		const anna = await person('Anna');
		const jonas = await person('Jonas');
		const a = createMessagingService();
		const b = createMessagingService();
		const first = await a.start({
			senderId: anna.id,
			target: { quarterId: Q, memberId: jonas.id },
			text: 'Los geht’s',
			origin: ORIGIN,
			now: new Date()
		});
		if (!first.ok) throw new Error(first.problem);
		const id = first.conversationId;
		const texts = Array.from({ length: 20 }, (_, i) => `Nachricht ${i + 1}`);
		const results = await Promise.all(
			texts.map((text, i) => send(i % 2 ? a : b, id, i % 3 ? anna.id : jonas.id, text))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const seqs = results.map((r) => (r.ok ? r.seq : 0)).sort((x, y) => x - y);
		expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));

		const view = await createMessagingService().read({
			conversationId: id,
			userId: jonas.id,
			now: new Date()
		});
		expect(view!.messages.map((msg) => msg.seq)).toEqual(
			Array.from({ length: 21 }, (_, i) => i + 1)
		);
		expect(new Set(view!.messages.map((msg) => msg.text))).toEqual(
			new Set(['Los geht’s', ...texts])
		);
		// Each message's number is the one its sender was told.
		for (const [i, result] of results.entries()) {
			if (result.ok) expect(view!.messages[result.seq - 1]!.text).toBe(texts[i]);
		}
	});

	it('lets only participants with an active membership write, and nobody else read', async () => {
		const anna = await person('Anna');
		const jonas = await person('Jonas');
		const stranger = await person('Fremde');
		const server = createMessagingService();
		const started = await server.start({
			senderId: anna.id,
			target: { quarterId: Q, memberId: jonas.id },
			text: 'Hallo',
			origin: ORIGIN,
			now: new Date()
		});
		if (!started.ok) throw new Error(started.problem);
		const id = started.conversationId;
		expect(await send(server, id, stranger.id, 'Ich auch!')).toEqual({
			ok: false,
			problem: 'not_found'
		});
		expect(
			await server.read({ conversationId: id, userId: stranger.id, now: new Date() })
		).toBeNull();
		expect(await server.forParticipant(id, stranger.id)).toBeNull();
		expect(await send(server, id, anna.id, 'a\u0000b')).toEqual({ ok: false, problem: 'invalid' });
		expect(await send(server, 'l-kaputt', anna.id, 'Hallo')).toEqual({
			ok: false,
			problem: 'not_found'
		});
	});

	it('shows the newest 50 messages and pages back to older ones', async () => {
		const anna = await person('Anna');
		const jonas = await person('Jonas');
		const server = createMessagingService();
		const started = await server.start({
			senderId: anna.id,
			target: { quarterId: Q, memberId: jonas.id },
			text: '1',
			origin: ORIGIN,
			now: new Date()
		});
		if (!started.ok) throw new Error(started.problem);
		for (let i = 2; i <= 60; i++)
			await send(server, started.conversationId, i % 2 ? anna.id : jonas.id, String(i));
		const reader = createMessagingService();
		const newest = await reader.read({
			conversationId: started.conversationId,
			userId: anna.id,
			now: new Date()
		});
		expect(newest!.messages.map((msg) => msg.seq)).toEqual(
			Array.from({ length: 50 }, (_, i) => i + 11)
		);
		expect(newest!.earlierBefore).toBe(11);
		const older = await reader.read({
			conversationId: started.conversationId,
			userId: anna.id,
			before: 11,
			now: new Date()
		});
		expect(older!.messages.map((msg) => msg.text)).toEqual(
			Array.from({ length: 10 }, (_, i) => String(i + 1))
		);
		expect(older!.earlierBefore).toBeNull();
	});
});

describe('read markers and unread counts', () => {
	it('count what the other person wrote since one last read, on any server', async () => {
		const anna = await person('Anna');
		const jonas = await person('Jonas');
		const betrieb = await person('Bäckerei', [[Q, 'business']]);
		const a = createMessagingService();
		const b = createMessagingService();
		const withJonas = await a.start({
			senderId: jonas.id,
			target: { quarterId: Q, memberId: anna.id },
			text: 'Eins',
			origin: ORIGIN,
			now: new Date()
		});
		const withShop = await b.start({
			senderId: betrieb.id,
			target: { quarterId: Q, memberId: anna.id },
			text: 'Angebot',
			origin: ORIGIN,
			now: new Date()
		});
		if (!withJonas.ok || !withShop.ok) throw new Error('start failed');
		await send(a, withJonas.conversationId, jonas.id, 'Zwei');
		await send(b, withJonas.conversationId, jonas.id, 'Drei');

		expect(await createMessagingService().unreadTotal(anna.id)).toBe(4);
		expect(await createMessagingService().unreadTotal(jonas.id)).toBe(0);
		const list = await createMessagingService().list(anna.id);
		expect(Object.fromEntries(list.map((item) => [item.id, item.unread]))).toEqual({
			[withJonas.conversationId]: 3,
			[withShop.conversationId]: 1
		});

		await b.read({ conversationId: withJonas.conversationId, userId: anna.id, now: new Date() });
		expect(await createMessagingService().unreadTotal(anna.id)).toBe(1);
		// The server that answered the read knows at once; the other one within a few seconds,
		// or at once when it handles a message for her.
		expect(await b.unreadTotal(anna.id)).toBe(1);

		// Anna's reply marks the conversation read for her and unread for Jonas.
		await send(a, withShop.conversationId, anna.id, 'Gern!');
		expect(await a.unreadTotal(anna.id)).toBe(0);
		expect(await createMessagingService().unreadTotal(betrieb.id)).toBe(1);
		expect((await createMessagingService().list(anna.id))[0]).toMatchObject({
			id: withShop.conversationId,
			lastFromMe: true,
			preview: 'Gern!'
		});
	});
});

describe('mail about new messages', () => {
	const T0 = new Date('2031-05-04T10:00:00Z');
	const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

	async function pair(locale: Locale = 'de') {
		const sender = await person('Schreiberin');
		const recipient = await person('Empfänger', [[Q, 'resident']], locale);
		const server = createMessagingService();
		const started = await server.start({
			senderId: sender.id,
			target: { quarterId: Q, memberId: recipient.id },
			text: 'Geheimer Inhalt 1',
			origin: ORIGIN,
			now: at(0)
		});
		if (!started.ok) throw new Error(started.problem);
		return { sender, recipient, server, id: started.conversationId };
	}

	it('sends one mail for several unread messages, 10 minutes after, then waits 15 minutes', async () => {
		const { sender, recipient, server, id } = await pair();
		await send(server, id, sender.id, 'Geheimer Inhalt 2', at(1));
		await send(server, id, sender.id, 'Geheimer Inhalt 3', at(2));
		const mails = () => listMail(50, recipient.email);

		await server.sendNotifications(at(5));
		expect(await mails()).toHaveLength(0);
		// Two servers run the job at the same moment: one mail.
		await Promise.all([
			server.sendNotifications(at(10)),
			createMessagingService().sendNotifications(at(10))
		]);
		const [mail] = await mails();
		expect(await mails()).toHaveLength(1);
		expect(mail!.subject).toBe('Neue Nachricht von Schreiberin');
		expect(mail!.text).toContain(`${ORIGIN}/messages/${id}`);
		expect(mail!.text).toContain('ungelesen: 3');
		expect(mail!.text).not.toContain('Geheimer Inhalt');

		await server.sendNotifications(at(11));
		expect(await mails()).toHaveLength(1);
		// Another message soon after: unread for 10 minutes at minute 22, but the last mail was
		// only 12 minutes before, so it waits for minute 25.
		await send(server, id, sender.id, 'Geheimer Inhalt 4', at(12));
		await server.sendNotifications(at(22));
		expect(await mails()).toHaveLength(1);
		await server.sendNotifications(at(25));
		expect(await mails()).toHaveLength(2);
		expect((await mails())[0]!.text).toContain('ungelesen: 1');
		expect((await listPendingNotifications()).filter((p) => p.conversationId === id)).toEqual([]);
	});

	it('sends nothing about messages read within 10 minutes', async () => {
		const { recipient, server, id } = await pair();
		await server.read({ conversationId: id, userId: recipient.id, now: at(3) });
		await server.sendNotifications(at(30));
		expect(await listMail(10, recipient.email)).toHaveLength(0);
		expect((await listPendingNotifications()).filter((p) => p.conversationId === id)).toEqual([]);
	});

	it('writes in the recipient’s language with a link to the English page', async () => {
		const { recipient, server, id } = await pair('en');
		await server.sendNotifications(at(10));
		const [mail] = await listMail(10, recipient.email);
		expect(mail!.subject).toBe('New message from Schreiberin');
		expect(mail!.text).toContain(`${ORIGIN}/en/messages/${id}`);
	});

	it('sends nothing to a member who chose "never"', async () => {
		const { recipient, server, id } = await pair();
		await setNotification(recipient.id, 'never');
		await server.sendNotifications(at(60));
		expect(await listMail(10, recipient.email)).toHaveLength(0);
		expect((await listPendingNotifications()).filter((p) => p.conversationId === id)).toEqual([]);
	});

	it('sends one daily digest over all conversations of a member who chose "daily"', async () => {
		const { recipient, server, id } = await pair();
		await setNotification(recipient.id, 'daily');
		const other = await person('Zweiter Schreiber');
		const second = await server.start({
			senderId: other.id,
			target: { quarterId: Q, memberId: recipient.id },
			text: 'Geheim',
			origin: ORIGIN,
			now: at(5)
		});
		if (!second.ok) throw new Error(second.problem);

		await server.sendNotifications(at(60));
		expect(await listMail(10, recipient.email)).toHaveLength(0);
		// The next morning at 06:00 UTC: one mail about both conversations.
		const morning = new Date('2031-05-05T06:00:00Z');
		await Promise.all([
			server.sendNotifications(morning),
			createMessagingService().sendNotifications(morning)
		]);
		const mails = await listMail(10, recipient.email);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Neue Nachrichten in 2 Unterhaltungen');
		expect(mails[0]!.text).toContain(`/messages/${id}`);
		expect(mails[0]!.text).toContain(`/messages/${second.conversationId}`);
		// A message later that day waits for the next digest.
		await send(
			server,
			id,
			(await createMessagingService().forParticipant(id, recipient.id))!.participants.find(
				(p) => p !== recipient.id
			)!,
			'Noch was',
			new Date('2031-05-05T08:00:00Z')
		);
		await server.sendNotifications(new Date('2031-05-05T20:00:00Z'));
		expect(await listMail(10, recipient.email)).toHaveLength(1);
		await server.sendNotifications(new Date('2031-05-06T06:01:00Z'));
		expect(await listMail(10, recipient.email)).toHaveLength(2);
	});
});

describe('reports and the quarter management', () => {
	it('lets a moderator of the quarter read a conversation only after a report, and logs it', async () => {
		const anna = await person('Anna');
		const jonas = await person('Jonas');
		const sabine = await person('Sabine', [[Q, 'moderator']]);
		const foreignModerator = await person('Petra', [[OTHER, 'moderator']]);
		const resident = await person('Neugierig');
		const server = createMessagingService();
		const started = await server.start({
			senderId: jonas.id,
			target: { quarterId: Q, memberId: anna.id },
			text: 'Überweis mir 100 € vorab.',
			origin: ORIGIN,
			now: new Date()
		});
		if (!started.ok) throw new Error(started.problem);
		const id = started.conversationId;
		const asModerator = async (userId: string, quarterId = Q) =>
			server.readReported({
				conversationId: id,
				quarterId,
				moderatorId: userId,
				membership: await findMembership(quarterId, userId),
				now: new Date()
			});

		expect(await asModerator(sabine.id)).toEqual({ ok: false, problem: 'forbidden' });
		expect(
			await server.report({
				conversationId: id,
				userId: resident.id,
				reason: 'other',
				note: '',
				now: new Date()
			})
		).toEqual({
			ok: false,
			problem: 'not_found'
		});
		const report = {
			conversationId: id,
			userId: anna.id,
			reason: 'other',
			note: 'Will Geld vorab',
			now: new Date()
		};
		// A double submit stores one report.
		await Promise.all([server.report(report), server.report(report)]);

		const read = await asModerator(sabine.id);
		if (!read.ok) throw new Error(read.problem);
		expect(read.messages.map((msg) => msg.text)).toEqual(['Überweis mir 100 € vorab.']);
		expect(read.flags).toHaveLength(1);
		expect(read.flags[0]).toMatchObject({
			reason: 'other',
			note: 'Will Geld vorab',
			reporterId: anna.id
		});
		expect(read.names[jonas.id]).toBe('Jonas');

		expect(await asModerator(foreignModerator.id, OTHER)).toEqual({
			ok: false,
			problem: 'forbidden'
		});
		expect(await asModerator(resident.id)).toEqual({ ok: false, problem: 'forbidden' });
		// Moderators read, never write, and the conversation stays out of their inbox.
		expect(await send(server, id, sabine.id, 'Hallo')).toEqual({ ok: false, problem: 'not_found' });
		expect(await server.list(sabine.id)).toEqual([]);

		const { entries } = await listAudit(Q, { offset: 0, limit: 50 });
		expect(
			entries.filter((e) => e.action === 'conversation.read' && e.target.id === id)
		).toHaveLength(1);
	});
});
