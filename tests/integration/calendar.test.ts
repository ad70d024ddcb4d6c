// The quarter's calendar against the real FerretDB (SQLite): the management's events are public
// at once and audited, a member's event waits for a moderator, a change and a cancellation reach
// everyone who comes, 100 concurrent "Ich komme" on two servers never pass a capacity of 20, and
// the reminder job run twice on two servers sends one mail per person. The feed parses with
// ical.js.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventDetails } from '../../src/lib/domain/events/event';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { instantOf } from '../../src/lib/domain/time/zone';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listSeats } from '../../src/lib/server/repos/calendar';
import {
	findMembership,
	insertMembership,
	type Membership
} from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { Calendar } from '../../src/lib/server/services/calendar';
import { icsOf } from '../../src/lib/server/services/calendar/ical';
import { listOutbox } from '../../src/lib/server/services/mail';
import { Notifications } from '../../src/lib/server/services/notifications';

const Q = 'terminquartier';
const ZONE = 'Europe/Berlin';
let quarter: Quarter;
let moderator: User;
let colleague: User;
let member: User;
// Two app servers: each with its own in-memory view of the logs.
const serverA = new Calendar(new Notifications());
const serverB = new Calendar(new Notifications());

async function person(
	displayName: string,
	role: Role,
	state: MembershipState = 'active',
	locale: 'de' | 'en' = 'de'
): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName, locale, passwordHash: 'not-used' },
		new Date(),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state }, new Date());
	return user;
}

const membership = async (user: User): Promise<Membership> => (await findMembership(Q, user.id))!;
const now = new Date('2026-06-01T10:00:00Z');
let nonces = 0;
const nonce = () => `calendar-test-${String(++nonces).padStart(8, '0')}`;

function details(change: Partial<EventDetails> = {}): EventDetails {
	return {
		title: 'Stadtteilfest Lindenplatz',
		kind: 'festival',
		startsAt: instantOf('2026-07-04', '14:00', ZONE),
		endsAt: instantOf('2026-07-04', '20:00', ZONE),
		place: { text: 'Lindenplatz' },
		description: 'Musik, Kuchen, Flohmarkt.',
		organiser: 'Quartiersmanagement',
		capacity: null,
		...change
	};
}

async function create(by: User, change: Partial<EventDetails> = {}, server = serverA) {
	const result = await server.propose({
		quarter,
		userId: by.id,
		membership: await membership(by),
		details: details(change),
		nonce: nonce(),
		now
	});
	if (!result.ok) throw new Error(result.problem);
	return result.event;
}

const visitor = { userId: null, member: false, moderator: false };

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Terminquartier',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Mara Termin', 'moderator');
	colleague = await person('Kai Kollege', 'moderator');
	member = await person('Tobi Vorschlag', 'resident');
});

describe('events by the quarter management and by members', () => {
	it('publishes the management’s event at once, for visitors too, and audits it', async () => {
		const event = await create(moderator);
		expect(event.status).toBe('published');
		const seen = await serverB.list(quarter, visitor);
		expect(seen.map((e) => e.id)).toContain(event.id);
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries;
		expect(
			audit.filter((e) => e.action === 'event.created' && e.target.id === event.id)
		).toHaveLength(1);
	});

	it('stores a form sent twice once', async () => {
		const n = nonce();
		const input = {
			quarter,
			userId: member.id,
			membership: await membership(member),
			details: details(),
			nonce: n,
			now
		};
		const [a, b] = await Promise.all([serverA.propose(input), serverB.propose(input)]);
		expect(a.ok && b.ok && a.event.id === b.event.id).toBe(true);
		expect([a, b].filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
	});

	it('holds a member’s event until another moderator approves it', async () => {
		const event = await create(member, { title: 'Repair-Café im Keller', kind: 'repair_cafe' });
		expect(event.status).toBe('pending');
		const other = await person('Nina Nachbarin', 'resident');
		const otherViewer = serverB.viewer(other.id, await membership(other));
		expect((await serverB.list(quarter, otherViewer)).map((e) => e.id)).not.toContain(event.id);
		expect(await serverB.view(quarter, event.id, otherViewer)).toBeNull();
		expect(
			await serverB.view(quarter, event.id, serverB.viewer(member.id, await membership(member)))
		).not.toBeNull();

		expect(
			await serverA.moderate({
				quarter,
				eventId: event.id,
				moderatorId: member.id,
				membership: await membership(member),
				approve: true,
				reason: '',
				now
			})
		).toEqual({ ok: false, problem: 'forbidden' });
		const approved = await serverA.moderate({
			quarter,
			eventId: event.id,
			moderatorId: moderator.id,
			membership: await membership(moderator),
			approve: true,
			reason: '',
			now
		});
		expect(approved).toEqual({ ok: true });
		// The other server sees the approval at once, a second decision is refused.
		expect(await serverB.view(quarter, event.id, otherViewer)).toMatchObject({
			status: 'published'
		});
		expect(await serverB.view(quarter, event.id, serverB.viewer(null, null))).toBeNull();
		expect(
			await serverB.moderate({
				quarter,
				eventId: event.id,
				moderatorId: colleague.id,
				membership: await membership(colleague),
				approve: false,
				reason: 'zu spät',
				now
			})
		).toEqual({ ok: false, problem: 'wrong_state' });
		const news = await new Notifications().list(member.id);
		expect(
			news.some((n) => n.kind === 'event' && n.move === 'approved' && n.eventId === event.id)
		).toBe(true);
		const audit = (await listAudit(Q, { offset: 0, limit: 200 })).entries;
		expect(
			audit.filter((e) => e.action === 'event.approved' && e.target.id === event.id)
		).toHaveLength(1);
	});

	it('rejects with a reason that reaches the author', async () => {
		const event = await create(member, { title: 'Party bis 3 Uhr' });
		const result = await serverB.moderate({
			quarter,
			eventId: event.id,
			moderatorId: colleague.id,
			membership: await membership(colleague),
			approve: false,
			reason: 'Nachtruhe ab 22 Uhr',
			now
		});
		expect(result).toEqual({ ok: true });
		const mails = await listOutbox(20, member.email);
		expect(mails.some((m) => m.text.includes('Nachtruhe ab 22 Uhr'))).toBe(true);
	});
});

describe('change and cancellation', () => {
	it('tell everyone who comes once, raise the sequence and keep the history', async () => {
		const event = await create(moderator, { capacity: 10 });
		const guests = await Promise.all([
			person('Gast Eins', 'resident'),
			person('Guest Two', 'resident', 'active', 'en')
		]);
		for (const g of guests) {
			expect(
				await serverA.rsvp({
					quarter,
					eventId: event.id,
					userId: g.id,
					membership: await membership(g),
					now
				})
			).toEqual({ ok: true, already: false });
		}
		const mod = await membership(moderator);
		expect(
			await serverB.change({
				quarter,
				eventId: event.id,
				moderatorId: moderator.id,
				membership: mod,
				details: details({ capacity: 1 }),
				note: 'kleiner',
				now
			})
		).toEqual({ ok: false, problem: 'capacity_below_rsvps' });
		const later = details({ capacity: 10, startsAt: instantOf('2026-07-04', '15:00', ZONE) });
		expect(
			await serverB.change({
				quarter,
				eventId: event.id,
				moderatorId: moderator.id,
				membership: mod,
				details: later,
				note: 'Eine Stunde später wegen Aufbau',
				now
			})
		).toEqual({ ok: true });
		expect(
			await serverA.cancel({
				quarter,
				eventId: event.id,
				moderatorId: moderator.id,
				membership: mod,
				note: 'Unwetterwarnung',
				now
			})
		).toEqual({ ok: true });
		const final = (await serverA.view(quarter, event.id, visitor))!;
		expect(final.status).toBe('cancelled');
		expect(final.sequence).toBe(2);
		expect(final.history.map((h) => h.type)).toEqual(['proposed', 'changed', 'cancelled']);

		const [de, en] = await Promise.all(guests.map((g) => listOutbox(20, g.email)));
		expect(de!.filter((m) => m.text.includes('Eine Stunde später'))).toHaveLength(1);
		expect(
			de!.filter((m) => m.text.includes('Unwetterwarnung') && m.text.includes('abgesagt'))
		).toHaveLength(1);
		expect(en!.filter((m) => m.text.includes('is cancelled'))).toHaveLength(1);
		const news = await new Notifications().list(guests[0]!.id);
		expect(
			news
				.filter((n) => n.eventId === event.id)
				.map((n) => n.move)
				.sort()
		).toEqual(['cancelled', 'changed']);
		// Nobody may sign up to a cancelled event.
		const late = await person('Zu Spät', 'resident');
		expect(
			await serverB.rsvp({
				quarter,
				eventId: event.id,
				userId: late.id,
				membership: await membership(late),
				now
			})
		).toEqual({ ok: false, problem: 'not_open' });

		const ics = icsOf(quarter, [final], 'https://quartiermarkt.test', 'de');
		const root = new ICAL.Component(ICAL.parse(ics));
		ICAL.TimezoneService.register(new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!));
		const vevent = root.getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
		expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe(
			'2026-07-04T13:00:00.000Z'
		);
	});
});

describe('"Ich komme" at capacity', () => {
	it('admits exactly 20 of 100 concurrent sign-ups on two servers, each person once', async () => {
		const event = await create(moderator, {
			title: 'Quartierskonferenz',
			kind: 'conference',
			capacity: 20
		});
		const people = await Promise.all(
			Array.from({ length: 100 }, (_, i) => person(`Person ${i}`, 'resident'))
		);
		const memberships = await Promise.all(people.map(membership));
		const started = performance.now();
		const results = await Promise.all(
			people.flatMap((p, i) => [
				(i % 2 ? serverA : serverB).rsvp({
					quarter,
					eventId: event.id,
					userId: p.id,
					membership: memberships[i]!,
					now
				}),
				// Every tenth person clicks twice, on the other server.
				...(i % 10 === 0
					? [
							(i % 2 ? serverB : serverA).rsvp({
								quarter,
								eventId: event.id,
								userId: p.id,
								membership: memberships[i]!,
								now
							})
						]
					: [])
			])
		);
		const ms = performance.now() - started;
		const seats = await listSeats(event.id);
		expect(seats).toHaveLength(20);
		expect(new Set(seats.map((s) => s.userId)).size).toBe(20);
		expect(new Set(seats.map((s) => s.seat))).toEqual(
			new Set(Array.from({ length: 20 }, (_, i) => i + 1))
		);
		expect(results.filter((r) => r.ok && !r.already).length).toBe(20);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.problem === 'full')).toBe(true);
		const view = await serverA.view(quarter, event.id, visitor);
		expect(view?.rsvps).toBe(20);
		console.log(`110 concurrent RSVPs at capacity 20: ${ms.toFixed(0)} ms`);

		// A withdrawn seat goes to the next person, and the count stays at the capacity.
		const holder = people.find((p) => seats.some((s) => s.userId === p.id))!;
		expect(
			await serverB.withdraw({
				quarter,
				eventId: event.id,
				userId: holder.id,
				membership: await membership(holder),
				now
			})
		).toEqual({ ok: true });
		const waiting = people.find((p) => !seats.some((s) => s.userId === p.id))!;
		expect(
			await serverA.rsvp({
				quarter,
				eventId: event.id,
				userId: waiting.id,
				membership: await membership(waiting),
				now
			})
		).toEqual({ ok: true, already: false });
		expect(await listSeats(event.id)).toHaveLength(20);
	});
});

describe('reminders', () => {
	it('go out once per person when the job runs twice on two servers', async () => {
		const event = await create(moderator, { title: 'Bürgerforum Verkehr', kind: 'forum' });
		const guests = await Promise.all([
			person('Erinnerung Eins', 'resident'),
			person('Reminder Two', 'resident', 'active', 'en')
		]);
		for (const g of guests) {
			await serverA.rsvp({
				quarter,
				eventId: event.id,
				userId: g.id,
				membership: await membership(g),
				now
			});
		}
		const tooEarly = instantOf('2026-07-03', '08:00', ZONE);
		await serverA.runReminders(tooEarly, [quarter]);
		expect(await listOutbox(20, guests[0]!.email)).toHaveLength(0);
		const due = instantOf('2026-07-03', '09:10', ZONE);
		const runs = await Promise.all([
			serverA.runReminders(due, [quarter]),
			serverB.runReminders(due, [quarter]),
			serverA.runReminders(new Date(due.getTime() + 600_000), [quarter])
		]);
		expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBeGreaterThanOrEqual(2);
		const [de, en] = await Promise.all(guests.map((g) => listOutbox(20, g.email)));
		expect(de!.filter((m) => m.subject === 'Morgen: Bürgerforum Verkehr')).toHaveLength(1);
		expect(en!.filter((m) => m.subject === 'Tomorrow: Bürgerforum Verkehr')).toHaveLength(1);
		// Reminders are counted over all events of the quarter; for this event exactly one each.
		expect(
			de!.every(
				(m) => !m.subject.startsWith('Morgen') || m.text.includes('Samstag, 4. Juli 2026 um 14:00')
			)
		).toBe(true);
	});
});
