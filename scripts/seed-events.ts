// The demo quarter's calendar of the past year (issue 15 item 5): about thirty events the quarter
// management held in Nordstadt (a Repair-Café and a Nachbarschaftstreff every month, a
// Quartierskonferenz every quarter, two Bürgerforen, the Stadtteilfest in summer) with the
// residents who said "Ich komme", so that the Quartiersbilanz shows real figures. All of them lie
// in the past, which the calendar service refuses for new events, so they are written as the
// service stores them: entry 1 of each event's log and one seat per person, under fixed ids, so a
// second run finds what the first stored and adds nothing. The upcoming events of the calendar's
// own tests are not touched.
import type { EventDetails, EventKind } from '../src/lib/domain/events/event';
import { addMonths, monthOf } from '../src/lib/domain/impact/months';
import { instantOf } from '../src/lib/domain/time/zone';
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { hashToken } from '../src/lib/server/ids';
import { eventEntryStore, insertSeat } from '../src/lib/server/repos/calendar';
import { listMembershipsOfQuarter } from '../src/lib/server/repos/memberships';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';

const QUARTER_ID = 'nordstadt';
const DAY = 24 * 60 * 60 * 1000;
const ORGANISER = 'katrin.vogt@nordstadt.example';

interface Plan {
	key: string;
	kind: EventKind;
	title: string;
	description: string;
	place: string;
	/** Day of the month and the time on the quarter's clock. */
	day: number;
	time: string;
	hours: number;
	capacity: number | null;
	/** How many said "Ich komme" (as far as there are members). */
	rsvps: number;
}

/** The events of one month, `index` months back (1 = last month). */
function plansOf(month: string, index: number): Plan[] {
	const m = Number(month.slice(5, 7));
	const plans: Plan[] = [
		{
			key: `repair-${month}`,
			kind: 'repair_cafe',
			title: 'Repair-Café im Nachbarschaftshaus',
			description:
				'Kaputte Toaster, Fahrräder und Kleidung gemeinsam reparieren. Kaffee gibt es auch.',
			place: 'Nachbarschaftshaus Nordstadt',
			day: 6,
			time: '14:00',
			hours: 3,
			capacity: 25,
			rsvps: 6 + ((index * 7) % 12)
		},
		{
			key: `treff-${month}`,
			kind: 'meeting',
			title: 'Nachbarschaftstreff',
			description: 'Neue und alte Nachbar:innen kennenlernen, Hilfe anbieten und finden.',
			place: 'Café am Markt',
			day: 19,
			time: '18:30',
			hours: 2,
			capacity: null,
			// Some evenings are small: the Bilanz hides months with fewer than 5 people.
			rsvps: index % 5 === 2 ? 3 : 5 + ((index * 5) % 9)
		}
	];
	if (m % 3 === 2) {
		plans.push({
			key: `konferenz-${month}`,
			kind: 'conference',
			title: 'Quartierskonferenz',
			description:
				'Was ist im Quartier los, was braucht es? Das Sozialraumbudget steht auf der Tagesordnung.',
			place: 'Aula der Grundschule Nordstadt',
			day: 12,
			time: '18:00',
			hours: 2,
			capacity: 80,
			rsvps: 18 + ((index * 3) % 10)
		});
	}
	if (m === 4 || m === 10) {
		plans.push({
			key: `forum-${month}`,
			kind: 'forum',
			title:
				m === 4 ? 'Bürgerforum: Spielplatz Lindenstraße' : 'Bürgerforum: Verkehr in der Nordstadt',
			description: 'Ideen sammeln und gemeinsam entscheiden, was wir der Stadt vorschlagen.',
			place: 'Nachbarschaftshaus Nordstadt',
			day: 24,
			time: '19:00',
			hours: 2,
			capacity: 60,
			rsvps: 14 + (index % 7)
		});
	}
	if (m === 7) {
		plans.push({
			key: `fest-${month}`,
			kind: 'festival',
			title: 'Stadtteilfest Nordstadt',
			description: 'Musik, Flohmarkt, Kuchen und Spiele für Kinder auf dem Marktplatz.',
			place: 'Marktplatz Nordstadt',
			day: 13,
			time: '12:00',
			hours: 8,
			capacity: null,
			rsvps: 45
		});
	}
	return plans;
}

export async function seedEvents(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ events: number; seats: number }> {
	const quarter = await findQuarter(QUARTER_ID);
	if (!quarter) throw new Error(`quarter ${QUARTER_ID} missing`);
	const tz = quarter.settings.timeZone;
	const organiser = await findUserWithPasswordByEmail(normalizeEmail(ORGANISER));
	if (!organiser) throw new Error(`Seed data names ${ORGANISER}, who does not exist.`);
	const members = (await listMembershipsOfQuarter(QUARTER_ID))
		.filter((ms) => ms.state === 'active' && (ms.role === 'resident' || ms.role === 'business'))
		.sort((a, b) => a.userId.localeCompare(b.userId));

	let events = 0;
	let seats = 0;
	const current = monthOf(now, tz);
	for (let back = 12; back >= 0; back--) {
		const month = addMonths(current, -back);
		for (const plan of plansOf(month, back)) {
			const startsAt = instantOf(`${month}-${String(plan.day).padStart(2, '0')}`, plan.time, tz);
			// Only what has taken place, and not more than a year ago.
			if (startsAt.getTime() > now.getTime() - DAY) continue;
			if (startsAt.getTime() < now.getTime() - 365 * DAY) continue;
			const eventId = hashToken(`seed-event:${QUARTER_ID}:${plan.key}`).slice(0, 24);
			const details: EventDetails = {
				title: plan.title,
				kind: plan.kind,
				startsAt,
				endsAt: new Date(startsAt.getTime() + plan.hours * 60 * 60 * 1000),
				place: { text: plan.place },
				description: plan.description,
				organiser: '',
				capacity: plan.capacity
			};
			const at = new Date(startsAt.getTime() - 21 * DAY);
			const inserted = await eventEntryStore.insert(eventId, 1, {
				type: 'proposed',
				details,
				authorId: organiser.id,
				byManagement: true,
				by: organiser.id,
				at,
				eventId,
				quarterId: QUARTER_ID,
				n: 1
			});
			if (inserted === 'inserted') events++;
			// Members who had joined by then, a different slice each time.
			const eligible = members.filter((ms) => ms.since.getTime() < at.getTime());
			const count = Math.min(plan.rsvps, eligible.length, plan.capacity ?? Infinity);
			const offset = Number.parseInt(eventId.slice(0, 6), 16) % Math.max(1, eligible.length);
			for (let i = 0; i < count; i++) {
				const ms = eligible[(offset + i) % eligible.length]!;
				const seat = await insertSeat(QUARTER_ID, {
					eventId,
					userId: ms.userId,
					seat: i + 1,
					at: new Date(at.getTime() + (i + 1) * 60 * 60 * 1000)
				});
				if (seat === 'inserted') seats++;
			}
		}
	}
	log(`  events: ${events} past events, ${seats} RSVPs`);
	return { events, seats };
}
