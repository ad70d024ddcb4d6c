// Demo data for trade between quarters (docs/cross-quarter.md): Lindenhof gets a few residents,
// one Nordstadt resident is a member of both quarters (the header's switcher), both quarter
// managements switch trade on, and a few exchanges between members of the two settle through the
// clearing accounts, all through the real services with past dates.
//
// A second run finds trade switched on and adds nothing.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import type { PartyMove } from '../src/lib/domain/exchanges/workflow';
import { hashPassword } from '../src/lib/server/auth/password';
import { newId } from '../src/lib/server/ids';
import { findMembership, insertMembership } from '../src/lib/server/repos/memberships';
import { findUserWithPasswordByEmail, insertUser } from '../src/lib/server/repos/users';
import { createExchangeService } from '../src/lib/server/services/exchanges';
import { acceptRules, requiredRules } from '../src/lib/server/services/legal';
import { trade } from '../src/lib/server/services/trade';

const DAY = 24 * 60 * 60 * 1000;
const NORD = 'nordstadt';
const LINDEN = 'lindenhof';
const ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';

/** Lindenhof's residents (the e2e test signs in as the first). */
export const LINDENHOF_RESIDENTS: Array<[name: string, email: string]> = [
	['Lukas Brandt', 'lukas.brandt@lindenhof.example'],
	['Mira Yıldız', 'mira.yildiz@lindenhof.example'],
	['Jonas Weber', 'jonas.weber@lindenhof.example']
];
/** A Nordstadt resident who joined Lindenhof too. */
export const MEMBER_OF_BOTH = 'olga.petrenko@nordstadt.example';
const NORD_MANAGER = 'sabine.albrecht@nordstadt.example';
const LINDEN_MANAGER = 'petra.lindner@lindenhof.example';

/** Exchanges between the quarters: who receives help (Lindenhof or Nordstadt) from whom. */
const EXCHANGES: Array<{
	receiver: string;
	provider: string;
	title: string;
	hours: number;
	daysAgo: number;
}> = [
	{
		receiver: 'lukas.brandt@lindenhof.example',
		provider: 'mehmet.yilmaz@nordstadt.example',
		title: 'Fahrradbremse eingestellt',
		hours: 1,
		daysAgo: 40
	},
	{
		receiver: 'mira.yildiz@lindenhof.example',
		provider: 'lena.schulz@nordstadt.example',
		title: 'Bewerbung gemeinsam durchgesehen',
		hours: 2,
		daysAgo: 25
	},
	{
		receiver: 'jonas.hoffmann@nordstadt.example',
		provider: 'jonas.weber@lindenhof.example',
		title: 'Regal an der Wand befestigt',
		hours: 1.5,
		daysAgo: 12
	}
];

async function user(email: string, name: string, password: string, joined: Date): Promise<string> {
	const found = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (found) return found.id;
	const created = await insertUser(
		{
			id: newId(),
			email: normalizeEmail(email),
			displayName: name,
			locale: 'de',
			passwordHash: await hashPassword(password)
		},
		joined,
		true
	);
	await acceptRules(created.id, await requiredRules(), 'seed', joined);
	return created.id;
}

async function idOf(email: string): Promise<string> {
	const found = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!found) throw new Error(`Seed data names ${email}, who does not exist.`);
	return found.id;
}

async function join(quarterId: string, userId: string, joined: Date): Promise<void> {
	if (await findMembership(quarterId, userId)) return;
	await insertMembership({ quarterId, userId, role: 'resident', state: 'active' }, joined);
}

export async function seedTrade(
	password: string,
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ created: boolean }> {
	if ((await trade.openLimit(NORD, LINDEN)) !== null) {
		log('  trade between Nordstadt and Lindenhof already there');
		return { created: false };
	}
	const at = (daysAgo: number, hour = 10) => {
		const d = new Date(now.getTime() - daysAgo * DAY);
		d.setUTCHours(hour, 0, 0, 0);
		return d;
	};
	for (const [name, email] of LINDENHOF_RESIDENTS) {
		await join(LINDEN, await user(email, name, password, at(150)), at(150));
	}
	await join(LINDEN, await idOf(MEMBER_OF_BOTH), at(90));

	// Both managements switch trade on; the smaller limit (20 hours) holds for the pair.
	for (const [quarterId, partnerId, manager, hours, daysAgo] of [
		[NORD, LINDEN, NORD_MANAGER, 20, 60],
		[LINDEN, NORD, LINDEN_MANAGER, 30, 58]
	] as const) {
		const switched = await trade.switchTrade({
			quarterId,
			partnerId,
			on: true,
			limitMinutes: hours * 60,
			by: await idOf(manager),
			now: at(daysAgo)
		});
		if (!switched.ok) throw new Error(`Switching trade on failed: ${switched.problem}`);
	}

	const service = createExchangeService({ mail: false });
	for (const x of EXCHANGES) {
		const receiverId = await idOf(x.receiver);
		const providerId = await idOf(x.provider);
		const receiverQuarter = x.receiver.endsWith('@lindenhof.example') ? LINDEN : NORD;
		const providerQuarter = receiverQuarter === LINDEN ? NORD : LINDEN;
		// The receiver asks; the exchange lives in the provider's quarter.
		const proposed = await service.propose({
			actorId: receiverId,
			quarterId: providerQuarter,
			fromQuarterId: receiverQuarter,
			memberId: providerId,
			side: 'receiver',
			title: x.title,
			date: at(x.daysAgo + 2),
			minutes: Math.round(x.hours * 60),
			settlement: 'hours',
			origin: ORIGIN,
			now: at(x.daysAgo + 3)
		});
		if (!proposed.ok) throw new Error(`${x.title}: ${proposed.problem}`);
		const steps: Array<[string, PartyMove, number]> = [
			[providerId, 'accept', x.daysAgo + 3],
			[providerId, 'markDone', x.daysAgo],
			[receiverId, 'confirm', x.daysAgo]
		];
		for (const [actor, move, daysAgo] of steps) {
			const moved = await service.move(actor, proposed.exchange.id, move, {
				now: at(daysAgo, move === 'confirm' ? 18 : 12)
			});
			if (!moved.ok) throw new Error(`${x.title} (${move}): ${moved.problem}`);
		}
	}
	log(`  trade Nordstadt ↔ Lindenhof switched on, ${EXCHANGES.length} exchanges settled across`);
	return { created: true };
}
