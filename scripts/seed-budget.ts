// The demo quarter's Sozialraumbudget: four budget lines decided by the Sozialraumkonferenz (one
// of them last winter's, ended and spent) and about a year of grants against them: hours booked through
// the budget service with past dates (so each is in the ledger, naming its line, exactly as the
// cockpit books it) and euro payments the office made. Every act has a fixed nonce, so a second
// run finds what the first stored and adds nothing. Runs after the exchange history, so start
// credits and exchanges come first in the ledger.
//
// Recipients are residents of the exchange history and two businesses, never people the
// end-to-end tests reason about (Repair-Café Nordstadt belongs to the budget test).
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { dayOf } from '../src/lib/domain/time/zone';
import type { EuroRecipient, LineDraft } from '../src/lib/domain/budget/budget';
import { listMembershipsOfQuarter } from '../src/lib/server/repos/memberships';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { budget } from '../src/lib/server/services/budget';
import { timeAccounts } from '../src/lib/server/services/time-accounts';

const QUARTER_ID = 'nordstadt';
const DAY = 24 * 60 * 60 * 1000;
/** Who records the budget in the demo (not a moderator the e2e tests log in as for grants). */
const OFFICE = 'sabine.albrecht@nordstadt.example';
/** Residents from the exchange history whom no e2e test follows, and two businesses. */
const RECIPIENTS = [
	'ewa.kowalska@nordstadt.example',
	'fatma.demir@nordstadt.example',
	'lukas.schmitt@nordstadt.example',
	'olga.petrenko@nordstadt.example',
	'hannelore.schroder@nordstadt.example',
	'emre.aydin@nordstadt.example',
	'niklas.braun@nordstadt.example',
	'agnieszka.nowak@nordstadt.example',
	'samira.el-amin@nordstadt.example',
	'moritz.jager@nordstadt.example'
];
const REPAIR_CAFE = 'repaircafe@nordstadt.example';
const ECKBANK = 'eckbank@nordstadt.example';

async function idOf(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

/** The first day of the month `months` from `now` (negative: back), as `YYYY-MM-DD`. */
function monthStart(now: Date, months: number): string {
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
	return d.toISOString().slice(0, 10);
}

/** The last day of the month `months` from `now`. */
function monthEnd(now: Date, months: number): string {
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0));
	return d.toISOString().slice(0, 10);
}

/** Day 12 of the month before `day` at the conference's evening. */
function conferenceBefore(day: string): string {
	const [y, m] = day.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 2, 12)).toISOString().slice(0, 10);
}

const nonce = (name: string) => `seed-budget-${name}`.padEnd(16, '0');

export async function seedBudget(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ lines: number; hourGrants: number; euroGrants: number }> {
	const quarter = await findQuarter(QUARTER_ID);
	if (!quarter) throw new Error(`quarter ${QUARTER_ID} missing`);
	const office = await idOf(OFFICE);
	const since = new Map(
		(await listMembershipsOfQuarter(QUARTER_ID)).map((ms) => [ms.userId, ms.since.getTime()])
	);
	const residents = await Promise.all(RECIPIENTS.map(idOf));
	const repairCafe = await idOf(REPAIR_CAFE);
	const eckbank = await idOf(ECKBANK);

	const yearFrom = monthStart(now, -11);
	const yearTo = monthEnd(now, 1);
	const drafts: Record<string, LineDraft> = {
		elder: {
			name: 'Nachbarschaftshilfe für Ältere',
			minutes: 150 * 60,
			cents: null,
			from: yearFrom,
			to: yearTo,
			purpose:
				'Stunden für Nachbar:innen, die Älteren beim Einkaufen, bei Arztwegen und im Haushalt helfen.',
			decidedBy: 'Sozialraumkonferenz',
			decidedOn: conferenceBefore(yearFrom)
		},
		repair: {
			name: 'Repair-Café Material',
			minutes: null,
			cents: 1_500_00,
			from: yearFrom,
			to: yearTo,
			purpose: 'Werkzeug, Ersatzteile und Verbrauchsmaterial für das Repair-Café.',
			decidedBy: 'Sozialraumkonferenz',
			decidedOn: conferenceBefore(yearFrom)
		},
		language: {
			name: 'Sprachcafé',
			minutes: 60 * 60,
			cents: 600_00,
			from: monthStart(now, -8),
			to: monthEnd(now, 4),
			purpose:
				'Deutsch üben beim Kaffee: Stunden für die Begleiter:innen, Euro für Kaffee und Material.',
			decidedBy: 'Sozialraumkonferenz',
			decidedOn: conferenceBefore(monthStart(now, -8))
		},
		winter: {
			name: 'Winterhilfe',
			minutes: 30 * 60,
			cents: null,
			from: monthStart(now, -12),
			to: monthEnd(now, -6),
			purpose: 'Schnee räumen, Heizung entlüften und Besuche bei Älteren im letzten Winter.',
			decidedBy: 'Sozialraumkonferenz',
			decidedOn: conferenceBefore(monthStart(now, -12))
		}
	};

	let lines = 0;
	const ids: Record<string, string> = {};
	for (const [key, draft] of Object.entries(drafts)) {
		const created = await budget.createLine({
			quarter,
			moderatorId: office,
			draft,
			nonce: nonce(`line-${key}`),
			// Entered the day after the conference.
			now: new Date(Date.parse(`${draft.decidedOn}T18:00:00Z`) + DAY)
		});
		if (!created.ok) throw new Error(`budget line ${draft.name}: ${created.problems.join(', ')}`);
		ids[key] = created.line.id;
		if (!created.duplicate) lines++;
	}

	// Hour grants: [line, days ago, hours, purpose, recipient (index into residents, or a business)].
	const hourGrants: Array<[string, number, number, string, number | 'repair']> = [
		['winter', 320, 6, 'Schnee geräumt für die Häuser in der Lindenstraße', 7],
		['winter', 220, 8, 'Besuche bei Älteren über die Feiertage', 8],
		['winter', 210, 8, 'Heizungen entlüftet, Fenster abgedichtet', 0],
		['winter', 200, 8, 'Einkäufe bei Glatteis', 3],
		['elder', 180, 4, 'Einkaufshilfe für Frau K.', 9],
		['elder', 140, 3, 'Begleitung zu Arztterminen', 1],
		['elder', 130, 5, 'Gartenarbeit bei Herrn S.', 4],
		['elder', 100, 2.5, 'Fahrdienst zum Seniorentreff', 2],
		['elder', 90, 4, 'Einkaufshilfe, drei Haushalte', 5],
		['elder', 20, 3, 'Vorlesen im Seniorenheim', 6],
		['language', 210, 6, 'Sprachcafé begleitet, April und Mai', 0],
		['language', 120, 6, 'Sprachcafé begleitet, Sommer', 1],
		['language', 30, 4, 'Sprachcafé begleitet, Oktober', 3],
		['elder', 15, 3, 'Kleine Reparaturen bei Älteren', 'repair']
	];
	let hourCount = 0;
	const booked = new Map<number, number>();
	for (const [i, [key, daysAgo, hours, purpose, who]] of hourGrants.entries()) {
		const at = new Date(now.getTime() - daysAgo * DAY);
		at.setUTCHours(9 + (i % 7), 15, 0, 0);
		// The named recipient if they were a member then and their account has room; else the next.
		const order =
			who === 'repair' ? [repairCafe] : [...residents.slice(who), ...residents.slice(0, who)];
		let done = false;
		for (const memberId of order) {
			if ((since.get(memberId) ?? Infinity) > at.getTime()) continue;
			const result = await budget.grantHours({
				quarter,
				moderatorId: office,
				memberId,
				lineId: ids[key]!,
				minutes: Math.round(hours * 60),
				purpose,
				override: null,
				nonce: nonce(`hours-${i}-${memberId.slice(-6)}`),
				now: at
			});
			if (result.ok) {
				if (!result.duplicate) hourCount++;
				booked.set(i, result.entry.seq);
				done = true;
				break;
			}
			// A budget refusal would be a mistake in this list; a full time account is not.
			if (!['above_maximum', 'below_minimum', 'not_member'].includes(result.problem.code)) {
				throw new Error(`hour grant ${i} (${purpose}): ${result.problem.code}`);
			}
		}
		if (!done) log(`  budget: hour grant ${i} skipped (no recipient with room)`);
	}

	// One grant was half an hour too much: a partial reversal, once (its key is fixed per entry).
	const reversed = booked.get(5);
	if (reversed !== undefined) {
		const reversal = await timeAccounts.reverse({
			quarter,
			moderatorId: office,
			seq: reversed,
			minutes: 30,
			reason: 'Ein Arzttermin fiel aus',
			now: new Date(now.getTime() - 135 * DAY)
		});
		if (!reversal.ok) throw new Error(`budget reversal: ${reversal.problem}`);
	}

	// Euro grants: [line, days ago, euros, purpose, recipient].
	const project = (name: string): EuroRecipient => ({ type: 'project', name });
	const member = (userId: string): EuroRecipient => ({ type: 'member', userId });
	const euroGrants: Array<[string, number, number, string, EuroRecipient]> = [
		// Before the Repair-Café joined the platform the office paid the association directly.
		['repair', 320, 240, 'Lötstationen und Multimeter', project('Repair-Café im Stadtteilladen')],
		[
			'repair',
			230,
			185.5,
			'Ersatzteile für Kaffeemaschinen und Toaster',
			project('Repair-Café im Stadtteilladen')
		],
		['repair', 140, 120, 'Nähmaschinen-Service', project('Nähtreff im Stadtteilladen')],
		['repair', 60, 310.9, 'Werkzeugwand und Schraubensortiment', member(repairCafe)],
		['language', 200, 80, 'Kaffee, Tee und Kekse für das Sprachcafé', member(eckbank)],
		['language', 110, 145, 'Lernkarten und Wörterbücher', project('Sprachcafé Nordstadt')],
		['language', 15, 80, 'Kaffee, Tee und Kekse für das Sprachcafé', member(eckbank)]
	];
	let euroCount = 0;
	for (const [i, [key, daysAgo, euros, purpose, recipient]] of euroGrants.entries()) {
		const paid = new Date(now.getTime() - daysAgo * DAY);
		const result = await budget.recordEuroGrant({
			quarter,
			moderatorId: office,
			lineId: ids[key]!,
			recipient,
			cents: Math.round(euros * 100),
			purpose,
			paidOn: dayOf(paid, quarter.settings.timeZone),
			nonce: nonce(`euros-${i}`),
			now: new Date(paid.getTime() + DAY)
		});
		if (!result.ok) throw new Error(`euro grant ${i} (${purpose}): ${result.problem.code}`);
		if (!result.duplicate) euroCount++;
	}

	if (lines + hourCount + euroCount > 0) {
		log(`  budget: ${lines} lines, ${hourCount} hour grants, ${euroCount} euro grants`);
	} else log('  budget already there');
	return { lines, hourGrants: hourCount, euroGrants: euroCount };
}
