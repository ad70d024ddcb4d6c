// The quarter management's mediation over the demo year: a few disputes that became cases and
// ended differently (hours settled after a proposal both accepted, a warning, closed without
// action), one case still in mediation, and one fresh dispute without a case yet (the end-to-end
// test opens it). Everything goes through the exchange and case services with past dates, so
// ledger, logs and audit are what the app itself would have written. Runs after the exchanges.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { listCasesOfQuarter } from '../src/lib/server/repos/cases';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { createCaseService } from '../src/lib/server/services/cases';
import { createExchangeService, type ExchangeResult } from '../src/lib/server/services/exchanges';
import { confirmed } from './seed-exchanges';
import { markNotificationsRead } from '../src/lib/server/services/notifications';

const DAY = 24 * 60 * 60 * 1000;
const QUARTER_ID = 'nordstadt';
const ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';

async function idOf(local: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(`${local}@nordstadt.example`));
	if (!user) throw new Error(`Seed data names ${local}, who does not exist.`);
	return user.id;
}

function ok<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
	if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
	return result as Extract<T, { ok: true }>;
}

export async function seedCases(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ cases: number }> {
	if ((await listCasesOfQuarter(QUARTER_ID)).length > 0) {
		log('  mediation cases already there');
		return { cases: 0 };
	}
	const quarter = (await findQuarter(QUARTER_ID))!;
	const exchanges = createExchangeService({ mail: false });
	const cases = createCaseService({ exchanges });
	const at = (daysAgo: number, hours = 0) =>
		new Date(now.getTime() - daysAgo * DAY + hours * 3600_000);
	let nonce = 0;
	const next = () => `seed-case-${String(++nonce).padStart(8, '0')}`;
	const sabine = await idOf('sabine.albrecht');
	const murat = await idOf('murat.kaya');

	/** An exchange in hours up to `done`, then disputed or confirmed. */
	async function exchange(
		provider: string,
		receiver: string,
		title: string,
		minutes: number,
		daysAgo: number,
		end: { confirm: number } | { dispute: string }
	): Promise<string | null> {
		const result: ExchangeResult = await exchanges.propose({
			actorId: receiver,
			quarterId: QUARTER_ID,
			memberId: provider,
			side: 'receiver',
			title,
			date: at(daysAgo - 2),
			minutes,
			settlement: 'hours',
			origin: ORIGIN,
			now: at(daysAgo)
		});
		const id = ok(result, `propose ${title}`).exchange.id;
		ok(await exchanges.move(provider, id, 'accept', { now: at(daysAgo, 4) }), 'accept');
		ok(await exchanges.move(provider, id, 'markDone', { now: at(daysAgo - 2) }), 'markDone');
		if ('confirm' in end && end.confirm === minutes) {
			await confirmed(exchanges, receiver, id, minutes, at(daysAgo - 3));
		} else if ('confirm' in end) {
			// Fewer hours than reported: a dispute. An app running on the same database may have
			// auto-settled the exchange a moment earlier; then there is nothing to mediate.
			const result = await exchanges.move(receiver, id, 'confirm', {
				minutes: end.confirm,
				now: at(daysAgo - 3)
			});
			if (!result.ok) return null;
		} else {
			ok(
				await exchanges.move(receiver, id, 'dispute', {
					reason: end.dispute,
					now: at(daysAgo - 3)
				}),
				'dispute'
			);
		}
		return id;
	}

	const write = (
		caseId: string,
		actorId: string,
		kind: 'note' | 'message' | 'proposal',
		text: string,
		when: Date
	) =>
		cases
			.write({ caseId, actorId, kind, text, nonce: next(), now: when })
			.then((r) => ok(r, kind).n);
	const answer = (caseId: string, actorId: string, proposal: number, when: Date) =>
		cases
			.write({
				caseId,
				actorId,
				kind: 'response',
				text: '',
				proposal,
				answer: 'agree',
				nonce: next(),
				now: when
			})
			.then((r) => ok(r, 'answer'));

	// 1. Eight months ago: how long did the balcony take? Settled after a proposal both accepted.
	const ewa = await idOf('ewa.kowalska');
	const lukas = await idOf('lukas.schmitt');
	const balcony = await exchange(ewa, lukas, 'Balkonkästen bepflanzen', 120, 240, {
		confirm: 60
	});
	if (balcony) await firstCase(balcony);
	async function firstCase(balcony: string): Promise<void> {
		const first = ok(
			await cases.openFromExchange({
				quarter,
				moderatorId: sabine,
				exchangeId: balcony,
				now: at(236)
			}),
			'open case 1'
		).caseId;
		await write(
			first,
			sabine,
			'note',
			'Beide angerufen: Ewa hat die Erde selbst mitgebracht, Lukas wusste das nicht.',
			at(235)
		);
		const p1 = await write(
			first,
			sabine,
			'proposal',
			'Wir rechnen 1,5 Stunden ab: die Pflanzzeit plus der Weg zum Gartencenter.',
			at(234)
		);
		await answer(first, ewa, p1, at(233));
		await answer(first, lukas, p1, at(233, 5));
		ok(
			await cases.carryOut({
				quarter,
				caseId: first,
				moderatorId: sabine,
				outcome: { kind: 'settleHours', minutes: 90 },
				reason: 'Wie vorgeschlagen und von beiden angenommen.',
				nonce: next(),
				now: at(232)
			}),
			'settle case 1'
		);
		ok(
			await cases.close({
				quarter,
				caseId: first,
				moderatorId: sabine,
				summary: 'Einigung auf 1,5 Stunden. Danke euch beiden fürs Gespräch!',
				nonce: next(),
				now: at(232)
			}),
			'close case 1'
		);
	}

	// 2. Five months ago: unfriendly messages about a bike repair. A warning, then closed.
	const fatma = await idOf('fatma.demir');
	const emre = await idOf('emre.aydin');
	const second = ok(
		await cases.open({
			quarter,
			moderatorId: murat,
			source: { type: 'moderator', id: null },
			partyIds: [fatma, emre],
			exchangeId: null,
			title: 'Ton in Nachrichten nach der Fahrradreparatur',
			text: 'Fatma hat im Büro angerufen: Die Nachrichten nach der Reparatur waren verletzend.',
			nonce: next(),
			now: at(150)
		}),
		'open case 2'
	).caseId;
	await write(
		second,
		murat,
		'message',
		'Ich möchte mit euch beiden sprechen. Passt Donnerstag um 17 Uhr im Quartiersbüro?',
		at(149)
	);
	ok(
		await cases.carryOut({
			quarter,
			caseId: second,
			moderatorId: murat,
			outcome: { kind: 'warn', memberId: emre },
			reason: 'Beleidigende Nachrichten sind im Quartiermarkt nicht in Ordnung.',
			nonce: next(),
			now: at(145)
		}),
		'warn case 2'
	);
	ok(
		await cases.close({
			quarter,
			caseId: second,
			moderatorId: murat,
			summary: 'Aussprache im Büro; Emre hat sich entschuldigt.',
			nonce: next(),
			now: at(144)
		}),
		'close case 2'
	);

	// 3. Three months ago: a noise complaint that resolved itself. Closed without action.
	const niklas = await idOf('niklas.braun');
	const olga = await idOf('olga.petrenko');
	const third = ok(
		await cases.open({
			quarter,
			moderatorId: sabine,
			source: { type: 'moderator', id: null },
			partyIds: [niklas, olga],
			exchangeId: null,
			title: 'Werkzeug nicht zurückgegeben',
			text: 'Niklas vermisst seine Bohrmaschine seit dem Regalbau.',
			nonce: next(),
			now: at(90)
		}),
		'open case 3'
	).caseId;
	await write(
		third,
		sabine,
		'note',
		'Olga sagt, sie hat die Bohrmaschine im Hausflur abgestellt.',
		at(89)
	);
	ok(
		await cases.close({
			quarter,
			caseId: third,
			moderatorId: sabine,
			summary: 'Die Bohrmaschine ist wieder aufgetaucht.',
			nonce: next(),
			now: at(85)
		}),
		'close case 3'
	);

	// 4. Ten days ago: still in mediation, a proposal waits for answers.
	const mia = await idOf('mia.schmid');
	const jan = await idOf('jan.schwarz');
	// Two hours: Mia's account is 8 h below zero, and a proposal must fit her floor of −10 h.
	const wallpaper = await exchange(jan, mia, 'Tapezieren im Kinderzimmer', 120, 12, {
		dispute: 'Die Tapete wirft Blasen, so kann ich keine zwei Stunden bestätigen.'
	});
	const fourth = ok(
		await cases.openFromExchange({
			quarter,
			moderatorId: murat,
			exchangeId: wallpaper!,
			now: at(8)
		}),
		'open case 4'
	).caseId;
	await write(fourth, murat, 'message', 'Ich schaue mir die Wand am Freitag mit euch an.', at(7));
	await write(
		fourth,
		murat,
		'proposal',
		'Jan bessert die Blasen nach, danach werden zwei Stunden gebucht.',
		at(5)
	);

	// The history is old news for the parties' bells.
	for (const id of [ewa, lukas, fatma, emre, niklas, olga, mia, jan])
		await markNotificationsRead(id, now);

	// 5. The fresh dispute the end-to-end test mediates: Rainer built Heike's shelf six weeks ago
	//    (three hours booked), now he painted her kitchen and she disputes the hours.
	const rainer = await idOf('rainer.voss');
	const heike = await idOf('heike.sommerfeld');
	await exchange(rainer, heike, 'Regal im Flur aufbauen', 180, 45, { confirm: 180 });
	await exchange(rainer, heike, 'Küche streichen', 180, 6, {
		dispute:
			'Es waren zwei Stunden, nicht drei. Beim Regal hat Rainer auch drei Stunden aufgeschrieben, dabei war er nach zwei fertig.'
	});

	const count = balcony ? 4 : 3;
	log(`  mediation: ${count} cases (${count - 1} closed, 1 in mediation) and 1 fresh dispute`);
	return { cases: count };
}
