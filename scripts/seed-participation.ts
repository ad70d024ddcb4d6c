// The demo quarter's Bürgerbudget: one finished round (spring), whose winners became budget lines
// of the Sozialraumbudget, and one round in its vote (autumn). Everything goes through the
// participation service with past times, exactly as the pages do it; every act has a fixed nonce
// (and a check is made only while a proposal has none), so a second run adds nothing.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import type { ProposalDraft, RoundSettings } from '../src/lib/domain/participation/round';
import { dayOf } from '../src/lib/domain/time/zone';
import { listMembershipsOfQuarter, type Membership } from '../src/lib/server/repos/memberships';
import { findQuarter, type Quarter } from '../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { participation, type Round } from '../src/lib/server/services/participation';
import { roundResults } from '../src/lib/server/services/participation/results';

const QUARTER_ID = 'nordstadt';
const DAY = 24 * 60 * 60 * 1000;
/** Who runs the rounds in the demo (the same office as the budget). */
const OFFICE = 'sabine.albrecht@nordstadt.example';

interface DemoProposal {
	key: string;
	author: string;
	draft: Omit<ProposalDraft, 'photoId'>;
	feasible: boolean;
	reason: string;
}

const h = (hours: number) => hours * 60;
const eur = (euros: number) => euros * 100;

const SPRING: DemoProposal[] = [
	{
		key: 'hochbeete',
		author: 'ewa.kowalska@nordstadt.example',
		draft: {
			title: 'Hochbeete im Hinterhof Lindenstraße',
			what: 'Vier Hochbeete aus Holz, Erde und Saatgut. Nachbar:innen bauen sie gemeinsam und pflegen sie reihum.',
			who: 'Familien im Block und alle, die gärtnern möchten',
			minutes: h(40),
			cents: eur(600)
		},
		feasible: true,
		reason: 'Der Hof gehört der Wohnungsbaugesellschaft; sie ist einverstanden.'
	},
	{
		key: 'buecherschrank',
		author: 'fatma.demir@nordstadt.example',
		draft: {
			title: 'Offener Bücherschrank am Marktplatz',
			what: 'Ein wetterfester Bücherschrank. Paten schauen jede Woche nach dem Rechten.',
			who: 'Alle im Quartier, besonders Kinder und ältere Menschen',
			minutes: h(10),
			cents: eur(900)
		},
		feasible: true,
		reason: 'Das Ordnungsamt hat den Platz am Marktplatz freigegeben.'
	},
	{
		key: 'nachhilfe',
		author: 'lukas.schmitt@nordstadt.example',
		draft: {
			title: 'Nachhilfe-Treff für Grundschulkinder',
			what: 'Zweimal pro Woche helfen Ehrenamtliche bei den Hausaufgaben, im Nachbarschaftstreff.',
			who: 'Grundschulkinder und ihre Eltern',
			minutes: h(60),
			cents: null
		},
		feasible: true,
		reason: 'Der Nachbarschaftstreff hat dienstags und donnerstags Platz.'
	},
	{
		key: 'lastenrad',
		author: 'olga.petrenko@nordstadt.example',
		draft: {
			title: 'Lastenrad zum Ausleihen',
			what: 'Ein Lastenrad mit Schloss und Versicherung, auszuleihen über das Quartiersbüro.',
			who: 'Alle ohne Auto',
			minutes: h(5),
			cents: eur(1_800)
		},
		feasible: true,
		reason: 'Das Quartiersbüro kann die Ausleihe übernehmen.'
	},
	{
		key: 'parkbank',
		author: 'emre.aydin@nordstadt.example',
		draft: {
			title: 'Bänke an der Bushaltestelle Nord',
			what: 'Zwei Bänke mit Lehne an der Haltestelle.',
			who: 'Ältere Menschen und Eltern mit Kindern',
			minutes: null,
			cents: eur(700)
		},
		feasible: false,
		reason: 'Die Haltestelle gehört den Verkehrsbetrieben; sie stellen im Herbst selbst Bänke auf.'
	}
];

const AUTUMN: DemoProposal[] = [
	{
		key: 'lichterfest',
		author: 'hannelore.schroder@nordstadt.example',
		draft: {
			title: 'Lichterfest im Advent',
			what: 'Ein Abend mit Laternen, Punsch und Musik auf dem Marktplatz.',
			who: 'Alle im Quartier',
			minutes: h(30),
			cents: eur(500)
		},
		feasible: true,
		reason: 'Passt in den Terminplan; der Marktplatz ist frei.'
	},
	{
		key: 'werkzeug',
		author: 'niklas.braun@nordstadt.example',
		draft: {
			title: 'Werkzeugkiste zum Ausleihen',
			what: 'Bohrmaschine, Leiter und Werkzeug, auszuleihen im Quartiersbüro.',
			who: 'Alle, die etwas reparieren wollen',
			minutes: h(10),
			cents: eur(700)
		},
		feasible: true,
		reason: 'Das Quartiersbüro kann die Ausleihe übernehmen.'
	},
	{
		key: 'sprachpaten',
		author: 'agnieszka.nowak@nordstadt.example',
		draft: {
			title: 'Sprachpatenschaften',
			what: 'Nachbar:innen üben Deutsch mit neu Zugezogenen, eine Stunde pro Woche.',
			who: 'Neu Zugezogene',
			minutes: h(50),
			cents: null
		},
		feasible: true,
		reason: 'Das Sprachcafé begleitet die Patenschaften.'
	}
];

async function idOf(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

async function runRound(
	quarter: Quarter,
	input: {
		key: string;
		settings: RoundSettings;
		openedAt: Date;
		proposedAt: Date;
		checkedAt: Date;
		votedAt: Date;
		proposals: DemoProposal[];
		/** Per voter, the proposals (by key) they choose. */
		ballots: string[][];
	},
	office: Membership,
	voters: Membership[],
	memberOf: Map<string, Membership>
): Promise<Round> {
	const opened = await participation.open({
		quarter,
		moderatorId: office.userId,
		membership: office,
		settings: input.settings,
		nonce: `seed-round-${input.key}-0001`,
		now: input.openedAt
	});
	if (!opened.ok) throw new Error(`seed round ${input.key}: ${opened.problem}`);
	const round = opened.round;
	const ids = new Map<string, string>();
	for (const [i, p] of input.proposals.entries()) {
		const author = memberOf.get(await idOf(p.author))!;
		const result = await participation.propose({
			quarter,
			roundId: round.id,
			userId: author.userId,
			membership: author,
			draft: { ...p.draft, photoId: null },
			nonce: `seed-proposal-${input.key}-${p.key}`,
			now: new Date(input.proposedAt.getTime() + i * 3_600_000)
		});
		if (!result.ok) throw new Error(`seed proposal ${p.key}: ${result.problem}`);
		ids.set(p.key, result.proposalId);
	}
	const current = (await participation.round(quarter, round.id))!;
	for (const p of input.proposals) {
		const id = ids.get(p.key)!;
		if (current.proposals.find((x) => x.id === id)?.assessment) continue;
		const assessed = await participation.assess({
			quarter,
			roundId: round.id,
			proposalId: id,
			moderatorId: office.userId,
			membership: office,
			feasible: p.feasible,
			reason: p.reason,
			now: input.checkedAt
		});
		if (!assessed.ok) throw new Error(`seed check ${p.key}: ${assessed.problem}`);
	}
	for (const [i, keys] of input.ballots.entries()) {
		const voter = voters[i % voters.length]!;
		const voted = await participation.vote({
			quarter,
			roundId: round.id,
			userId: voter.userId,
			membership: voter,
			choice: keys.map((k) => ids.get(k)!),
			now: new Date(input.votedAt.getTime() + i * 600_000)
		});
		if (!voted.ok) throw new Error(`seed ballot ${i}: ${voted.problem}`);
	}
	return (await participation.round(quarter, round.id))!;
}

export async function seedParticipation(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ rounds: number; lines: number }> {
	const quarter = await findQuarter(QUARTER_ID);
	if (!quarter) throw new Error(`quarter ${QUARTER_ID} missing`);
	const zone = quarter.settings.timeZone;
	const day = (days: number) => dayOf(new Date(now.getTime() + days * DAY), zone);
	const at = (days: number) => new Date(now.getTime() + days * DAY);
	const memberships = await listMembershipsOfQuarter(QUARTER_ID);
	const memberOf = new Map(memberships.map((ms) => [ms.userId, ms]));
	const office = memberOf.get(await idOf(OFFICE))!;
	// Residents vote; the first ones in the list (whom the e2e tests log in as) are left out.
	const voters = memberships
		.filter((ms) => ms.role === 'resident' && ms.state === 'active')
		.slice(5, 40);
	const year = now.getUTCFullYear();

	const spring = await runRound(
		quarter,
		{
			key: 'spring',
			settings: {
				title: `Bürgerbudget Frühjahr ${year}`,
				minutes: h(120),
				cents: eur(2_000),
				proposalsFrom: day(-150),
				checkFrom: day(-120),
				voteFrom: day(-100),
				voteUntil: day(-86),
				linesUntil: day(200)
			},
			openedAt: at(-160),
			proposedAt: at(-145),
			checkedAt: at(-110),
			votedAt: at(-95),
			proposals: SPRING,
			// 22 ballots: Hochbeete 15, Bücherschrank 12, Nachhilfe 11, Lastenrad 8.
			ballots: [
				...Array.from({ length: 8 }, () => ['hochbeete', 'buecherschrank', 'nachhilfe']),
				...Array.from({ length: 4 }, () => ['hochbeete', 'buecherschrank']),
				...Array.from({ length: 3 }, () => ['hochbeete', 'nachhilfe']),
				...Array.from({ length: 7 }, () => ['lastenrad'])
			].map((b, i) => (i === 21 ? ['lastenrad', 'nachhilfe'] : b))
		},
		office,
		voters,
		memberOf
	);
	const lines = await roundResults.publish(quarter, spring, now);

	await runRound(
		quarter,
		{
			key: 'autumn',
			settings: {
				title: `Bürgerbudget Herbst ${year}`,
				minutes: h(80),
				cents: eur(1_500),
				proposalsFrom: day(-30),
				checkFrom: day(-14),
				voteFrom: day(-4),
				voteUntil: day(10),
				linesUntil: day(375)
			},
			openedAt: at(-35),
			proposedAt: at(-25),
			checkedAt: at(-10),
			votedAt: at(-3),
			proposals: AUTUMN,
			ballots: [
				...Array.from({ length: 6 }, () => ['lichterfest', 'werkzeug']),
				...Array.from({ length: 3 }, () => ['sprachpaten', 'werkzeug'])
			]
		},
		office,
		voters,
		memberOf
	);
	log(`  Bürgerbudget: 2 rounds, ${lines} new budget lines from the finished one`);
	return { rounds: 2, lines };
}
