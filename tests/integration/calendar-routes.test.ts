// The calendar's pages and actions against the real FerretDB: forms create and propose events,
// the moderation and change pages are the management's only (403 for a member), a visitor sees
// neither members' events nor waiting ones, and the feed follows the same rule.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import type { Role } from '../../src/lib/domain/members/roles';
import { newId } from '../../src/lib/server/ids';
import { listSeats } from '../../src/lib/server/repos/calendar';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { newFormNonce } from '../../src/lib/server/http';
import { actions as newActions } from '../../src/routes/(app)/q/[quarter]/termine/neu/+page.server';
import {
	actions as editActions,
	load as editLoad
} from '../../src/routes/(app)/q/[quarter]/termine/[id=id]/bearbeiten/+page.server';
import {
	actions as eventActions,
	load as eventLoad
} from '../../src/routes/(public)/q/[quarter]/termine/[id=id]/+page.server';
import { load as listLoad } from '../../src/routes/(public)/q/[quarter]/termine/+page.server';
import { GET as feed } from '../../src/routes/(public)/q/[quarter]/termine.ics/+server';
import { GET as eventFile } from '../../src/routes/(public)/q/[quarter]/termine/[id=id].ics/+server';

const Q = 'terminseiten';
let moderator: User;
let resident: User;
let neighbour: User;

async function person(name: string, role: Role): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		new Date(),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state: 'active' }, new Date());
	return user;
}

type Event = Record<string, unknown>;
function event(
	user: User | null,
	path: string,
	params: Record<string, string>,
	body?: FormData
): Event {
	const url = `http://quartier.test${path}`;
	return {
		params,
		url: new URL(url),
		locals: user
			? { user, session: { id: 's', userId: user.id }, locale: 'de' }
			: { user: null, session: null, locale: 'de' },
		...(body ? { request: new Request(url, { method: 'POST', body }) } : {})
	};
}

/** The status a load or action ends with, and where a redirect goes. */
async function outcome(run: () => unknown): Promise<{ status: number; location?: string }> {
	try {
		const result = await run();
		return { status: (result as { status?: number } | undefined)?.status ?? 200 };
	} catch (err) {
		const e = err as { status?: number; location?: string };
		if (typeof e.status !== 'number') throw err;
		return { status: e.status, location: e.location };
	}
}

function form(fields: Record<string, string>): FormData {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return body;
}

const nextYear = String(new Date().getUTCFullYear() + 1);
const fields = (title: string) => ({
	title,
	kind: 'festival',
	startDay: `${nextYear}-06-20`,
	startTime: '15:00',
	endDay: `${nextYear}-06-20`,
	endTime: '22:00',
	block: '',
	place: 'Hof der Grundschule',
	description: 'Mit Musik',
	organiser: 'Quartiersmanagement',
	capacity: '2',
	nonce: newFormNonce()
});

async function create(user: User, title: string): Promise<string> {
	const result = await outcome(() =>
		newActions.default!(
			event(user, `/q/${Q}/termine/neu`, { quarter: Q }, form(fields(title))) as never
		)
	);
	expect(result.status).toBe(303);
	return /termine\/([0-9a-f]{24})/.exec(result.location!)![1]!;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Terminseiten',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		new Date()
	);
	moderator = await person('Mara Seiten', 'moderator');
	resident = await person('Rudi Seiten', 'resident');
	neighbour = await person('Nele Seiten', 'resident');
});

describe('calendar pages', () => {
	it('follow who may see and do what', async () => {
		const fest = await create(moderator, 'Sommerfest');
		const suggestion = await create(resident, 'Flohmarkt im Hof');
		const p = (id: string) => ({ quarter: Q, id });

		// A form with a wrong end comes back with the error on its field.
		const wrong = await outcome(() =>
			newActions.default!(
				event(
					moderator,
					`/q/${Q}/termine/neu`,
					{ quarter: Q },
					form({ ...fields('X'), endTime: '14:00' })
				) as never
			)
		);
		expect(wrong.status).toBe(400);

		// Members cannot moderate, change or cancel.
		for (const run of [
			() => editLoad(event(resident, `/q/${Q}/termine/${fest}/bearbeiten`, p(fest)) as never),
			() =>
				editActions.default!(
					event(
						resident,
						`/q/${Q}/termine/${fest}/bearbeiten`,
						p(fest),
						form({ ...fields('Y'), note: 'n' })
					) as never
				),
			() =>
				eventActions.cancel!(
					event(resident, `/q/${Q}/termine/${fest}`, p(fest), form({ note: 'weg' })) as never
				),
			() =>
				eventActions.moderate!(
					event(
						neighbour,
						`/q/${Q}/termine/${suggestion}`,
						p(suggestion),
						form({ decision: 'approve' })
					) as never
				)
		]) {
			expect((await outcome(run)).status).toBe(403);
		}

		// A visitor sees the management's event, not the suggestion (waiting or approved).
		expect(
			(await outcome(() => eventLoad(event(null, `/q/${Q}/termine/${fest}`, p(fest)) as never)))
				.status
		).toBe(200);
		expect(
			(
				await outcome(() =>
					eventLoad(event(null, `/q/${Q}/termine/${suggestion}`, p(suggestion)) as never)
				)
			).status
		).toBe(404);
		expect(
			(
				await outcome(() =>
					eventLoad(event(neighbour, `/q/${Q}/termine/${suggestion}`, p(suggestion)) as never)
				)
			).status
		).toBe(404);
		expect(
			await outcome(() =>
				eventActions.moderate!(
					event(
						moderator,
						`/q/${Q}/termine/${suggestion}`,
						p(suggestion),
						form({ decision: 'reject', reason: '' })
					) as never
				)
			)
		).toEqual({ status: 400 });
		expect(
			(
				await outcome(() =>
					eventActions.moderate!(
						event(
							moderator,
							`/q/${Q}/termine/${suggestion}`,
							p(suggestion),
							form({ decision: 'approve' })
						) as never
					)
				)
			).status
		).toBe(303);
		const list = (await listLoad(event(neighbour, `/q/${Q}/termine`, { quarter: Q }) as never)) as {
			upcoming: { title: string }[];
		};
		expect(list.upcoming.map((e) => e.title).sort()).toEqual(['Flohmarkt im Hof', 'Sommerfest']);

		const summaries = async (user: User | null) => {
			const response = await feed(event(user, `/q/${Q}/termine.ics`, { quarter: Q }) as never);
			expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
			const root = new ICAL.Component(ICAL.parse(await response.text()));
			return root
				.getAllSubcomponents('vevent')
				.map((v) => v.getFirstPropertyValue('summary'))
				.sort();
		};
		expect(await summaries(null)).toEqual(['Sommerfest']);
		expect(await summaries(neighbour)).toEqual(['Flohmarkt im Hof', 'Sommerfest']);
		const file = await eventFile(event(null, `/q/${Q}/termine/${fest}.ics`, p(fest)) as never);
		expect(await file.text()).toContain('SUMMARY:Sommerfest');

		// "Ich komme" up to the capacity of 2, then full; withdrawing frees the seat.
		const third = await person('Dritte Person', 'resident');
		for (const user of [resident, neighbour]) {
			expect(
				(
					await outcome(() =>
						eventActions.rsvp!(event(user, `/q/${Q}/termine/${fest}`, p(fest), form({})) as never)
					)
				).status
			).toBe(303);
		}
		expect(
			(
				await outcome(() =>
					eventActions.rsvp!(event(third, `/q/${Q}/termine/${fest}`, p(fest), form({})) as never)
				)
			).status
		).toBe(409);
		expect(
			(
				await outcome(() =>
					eventActions.withdraw!(
						event(resident, `/q/${Q}/termine/${fest}`, p(fest), form({})) as never
					)
				)
			).status
		).toBe(303);
		expect(
			(
				await outcome(() =>
					eventActions.rsvp!(event(third, `/q/${Q}/termine/${fest}`, p(fest), form({})) as never)
				)
			).status
		).toBe(303);
		expect((await listSeats(fest)).map((s) => s.userId).sort()).toEqual(
			[neighbour.id, third.id].sort()
		);

		// The management changes it with a note, then cancels it; the feed says so.
		const changed = await outcome(() =>
			editActions.default!(
				event(
					moderator,
					`/q/${Q}/termine/${fest}/bearbeiten`,
					p(fest),
					form({ ...fields('Sommerfest'), endTime: '23:00', note: 'Eine Stunde länger' })
				) as never
			)
		);
		expect(changed.status).toBe(303);
		expect(
			(
				await outcome(() =>
					eventActions.cancel!(
						event(moderator, `/q/${Q}/termine/${fest}`, p(fest), form({ note: 'Regen' })) as never
					)
				)
			).status
		).toBe(303);
		const cancelled = await (
			await eventFile(event(null, `/q/${Q}/termine/${fest}.ics`, p(fest)) as never)
		).text();
		expect(cancelled).toContain('STATUS:CANCELLED');
		expect(cancelled).toContain('SEQUENCE:2');
	});
});
