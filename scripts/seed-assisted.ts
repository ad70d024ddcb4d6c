// The demo quarter's assisted member (begleitetes Mitglied): Hannelore Schröder has no internet
// and phoned the quarter office; Sabine Albrecht recorded her consent, a request she dictated,
// and an exchange in which Ewa helps her, with Hannelore's confirmation. Everything goes through
// the real services with past dates, so the marks "erfasst von Sabine Albrecht für Hannelore
// Schröder" show on the listing, the exchange and Hannelore's statement. Renate Otto stays
// without consent: the end-to-end test records hers.
//
// A second run finds the consent on record and adds nothing.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { findAssistedMembership } from '../src/lib/server/repos/assisted';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import {
	createListingFor,
	moveFor,
	proposeFor,
	recordConsent
} from '../src/lib/server/services/assisted';
import { createExchangeService, type ExchangeResult } from '../src/lib/server/services/exchanges';

const DAY = 24 * 60 * 60 * 1000;
const QUARTER_ID = 'nordstadt';
const ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';
const MEMBER = 'hannelore.schroder@nordstadt.example';
const MODERATOR = 'sabine.albrecht@nordstadt.example';
const HELPER = 'ewa.kowalska@nordstadt.example';

async function idOf(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
	if (!result.ok) throw new Error(`${what}: ${(result as { problem?: string }).problem}`);
	return result as Extract<T, { ok: true }>;
}

export async function seedAssisted(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ created: boolean }> {
	const quarter = await findQuarter(QUARTER_ID);
	if (!quarter) throw new Error(`quarter ${QUARTER_ID} is missing`);
	const memberId = await idOf(MEMBER);
	const moderatorId = await idOf(MODERATOR);
	const helperId = await idOf(HELPER);
	if ((await findAssistedMembership(quarter.id, memberId))?.assisted) {
		log('  assisted member already there');
		return { created: false };
	}
	const at = (daysAgo: number, hour = 10) => {
		const d = new Date(now.getTime() - daysAgo * DAY);
		d.setUTCHours(hour, 0, 0, 0);
		return d;
	};
	const service = createExchangeService({ mail: false });

	ok(
		await recordConsent({
			quarter,
			moderatorId,
			memberId,
			consentAt: at(40, 12),
			how: 'phone',
			note: 'Frau Schröder hat im Quartiersbüro angerufen. Sie hat kein Internet und möchte, dass wir Gesuche und Tausche für sie eintragen.',
			now: at(40, 14)
		}),
		'consent'
	);

	ok(
		await createListingFor({
			quarter,
			moderatorId,
			memberId,
			content: {
				kind: 'request',
				title: 'Hilfe beim Einkaufen am Samstag',
				description:
					'Ich suche jemanden, der mich samstags zum Wochenmarkt begleitet und die Taschen trägt. Erreichbar über das Quartiersbüro.',
				category:
					quarter.categories.find((c) => c.id === 'haushalt')?.id ?? quarter.categories[0]!.id,
				tags: ['Einkauf', 'Begleitung'],
				settlement: 'hours',
				priceCents: null,
				priceUnit: null,
				availability: 'samstags vormittags',
				blockId: quarter.blocks[0]?.id ?? null,
				photoId: null
			},
			submit: true,
			now: at(38)
		}),
		'listing'
	);

	const proposed = ok(
		(await proposeFor(
			{
				quarter,
				moderatorId,
				memberId,
				otherId: helperId,
				side: 'receiver',
				title: 'Begleitung zum Wochenmarkt',
				date: at(30, 12),
				minutes: 90,
				origin: ORIGIN,
				now: at(33)
			},
			service
		)) as ExchangeResult,
		'propose'
	);
	const exchangeId = proposed.exchange.id;
	ok(await service.move(helperId, exchangeId, 'accept', { now: at(32) }), 'accept');
	ok(await service.move(helperId, exchangeId, 'markDone', { now: at(30, 15) }), 'markDone');
	ok(
		(await moveFor(
			{ quarter, moderatorId, memberId, exchangeId, move: 'confirm', now: at(29) },
			service
		)) as ExchangeResult,
		'confirm'
	);
	log('  assisted member: Hannelore Schröder, with a listing and a settled exchange');
	return { created: true };
}
