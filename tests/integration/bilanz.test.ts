// The Quartiersbilanz's service against the real FerretDB (SQLite): an event's seats are read
// per quarter and counted as attendance (hidden below 5 people, the number of events never), the
// management's choice of public figures is stored through the settings service with an audit
// entry and leaves the figure out of the report and the CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { BILANZ_FIGURES, type Bilanz } from '../../src/lib/domain/bilanz';
import { instantOf } from '../../src/lib/domain/time/zone';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { BilanzService } from '../../src/lib/server/services/bilanz';
import { Calendar } from '../../src/lib/server/services/calendar';
import { Notifications } from '../../src/lib/server/services/notifications';
import { changePublicReportFigures } from '../../src/lib/server/services/quarters';

const Q = 'bilanzquartier';
const ZONE = 'Europe/Berlin';
const calendar = new Calendar(new Notifications());
const service = new BilanzService(undefined, undefined, calendar);
const before = new Date('2026-03-01T10:00:00Z');
const after = new Date('2026-06-01T10:00:00Z');
let quarter: Quarter;
let moderator: User;
const residents: User[] = [];

async function person(name: string, role: 'moderator' | 'resident'): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		before,
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state: 'active' }, before);
	return user;
}

async function event(day: string, coming: User[]): Promise<string> {
	const result = await calendar.propose({
		quarter,
		userId: moderator.id,
		membership: await findMembership(Q, moderator.id),
		details: {
			title: 'Repair-Café',
			kind: 'repair_cafe',
			startsAt: instantOf(day, '14:00', ZONE),
			endsAt: instantOf(day, '17:00', ZONE),
			place: { text: 'Nachbarschaftshaus' },
			description: '',
			organiser: '',
			capacity: null
		},
		nonce: `bilanz-test-${day}`.padEnd(16, '0'),
		now: before
	});
	if (!result.ok) throw new Error(result.problem);
	for (const r of coming) {
		const rsvp = await calendar.rsvp({
			quarter,
			eventId: result.event.id,
			userId: r.id,
			membership: await findMembership(Q, r.id),
			now: before
		});
		expect(rsvp.ok).toBe(true);
	}
	return result.event.id;
}

const key = (b: Bilanz, id: string) =>
	b.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.cell;

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Bilanzquartier',
			city: 'Teststadt',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS
		},
		before
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Mara Bilanz', 'moderator');
	for (let i = 0; i < 6; i++) residents.push(await person(`Nachbar ${i}`, 'resident'));
});

describe('Quartiersbilanz against the database', () => {
	it('counts held events and their seats, hiding attendance from fewer than 5 people', async () => {
		await event('2026-04-04', residents.slice(0, 4));
		let report = await service.report(quarter, 2026, after);
		expect(key(report, 'events')).toEqual({ kind: 'value', value: 1 });
		expect(key(report, 'attendance')).toEqual({ kind: 'suppressed' });
		expect(key(report, 'members')).toEqual({ kind: 'value', value: 6 });

		await event('2026-05-02', residents.slice(2, 6));
		report = await service.report(quarter, 2026, after);
		expect(key(report, 'events')).toEqual({ kind: 'value', value: 2 });
		expect(key(report, 'attendance')).toEqual({ kind: 'value', value: 8 });
		// Before the events took place, none was held.
		expect(
			key(await service.report(quarter, 2026, new Date('2026-04-01T00:00:00Z')), 'events')
		).toEqual({ kind: 'value', value: 0 });
	});

	it('stores the public figures with an audit entry and leaves the rest out', async () => {
		expect(quarter.settings.publicReportFigures).toEqual([...BILANZ_FIGURES]);
		const chosen = BILANZ_FIGURES.filter((f) => f !== 'attendance' && f !== 'newContacts');
		expect(await changePublicReportFigures(Q, chosen, moderator.id, after)).toBe(true);
		quarter = (await findQuarter(Q))!;
		expect(quarter.settings.publicReportFigures).toEqual(chosen);
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries.filter(
			(e) => e.action === 'quarter.settingsChanged'
		);
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit[0]!.details)).toContain('publicReportFigures');
		// The same choice again changes nothing and writes no entry.
		await changePublicReportFigures(Q, [...chosen].reverse(), moderator.id, after);
		expect(
			(await listAudit(Q, { offset: 0, limit: 100 })).entries.filter(
				(e) => e.action === 'quarter.settingsChanged'
			)
		).toHaveLength(1);

		const report = await service.report(quarter, 2026, after);
		expect(key(report, 'attendance')).toBeUndefined();
		expect(key(report, 'events')).toEqual({ kind: 'value', value: 2 });
		const csv = service.csv(report, 'de');
		expect(csv).not.toContain('Zusagen zu Terminen');
		expect(csv).not.toContain('Neue Kontakte');
		expect(csv).toContain('Termine;Termine;2026;;2;Anzahl');
	});
});
