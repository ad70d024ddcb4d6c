// PStTG / DAC7 against the real FerretDB (issue 16 item 7): the request for seller data and the
// two reminders go out exactly once each however often and on however many servers the job
// runs at once; after them euro sales pause, and complete data lifts the pause; the report
// counts the settled euro exchanges.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { sum } from '../../src/lib/domain/tax/dac7';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { listNotices } from '../../src/lib/server/repos/dac7';
import { findUserById } from '../../src/lib/server/repos/users';
import {
	buildReport,
	euroSalesAllowed,
	runDac7Reminders,
	saveSellerTaxData
} from '../../src/lib/server/services/dac7';
import { createExchangeService } from '../../src/lib/server/services/exchanges';
import { listOutbox } from '../../src/lib/server/services/mail';
import { ok, person } from './euro-quarter';

const Q = 'steuerquartier';
const DAY = 24 * 60 * 60 * 1000;
// Two app servers on one database, each with its own read model.
const serverA = createExchangeService();
const serverB = createExchangeService();

const start = new Date(Date.UTC(2026, 1, 2, 10)); // 2 February 2026
const day = (d: number) => new Date(start.getTime() + d * DAY);

let seller: string;
let buyer: string;
let sellerEmail: string;

/** A euro exchange paid in cash at `at`, settled. */
async function cashSale(amountCents: number, at: Date): Promise<void> {
	const id = ok(
		await serverA.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Fahrrad reparieren',
			minutes: 60,
			settlement: 'euros',
			amountCents,
			origin: 'http://quartier.test',
			now: at
		})
	).id;
	const step = (r: Awaited<ReturnType<typeof serverA.move>>) => ok(r);
	step(await serverA.move(seller, id, 'accept', { now: at }));
	step(await serverA.move(seller, id, 'markDone', { now: at }));
	step(await serverA.move(buyer, id, 'confirm', { minutes: 60, now: at }));
	step(await serverA.move(buyer, id, 'cashPaid', { now: at }));
	step(await serverA.move(seller, id, 'cashPaid', { now: at }));
}

/** Runs the job on both servers at once, twice. */
async function runEverywhere(now: Date): Promise<void> {
	await Promise.all([runDac7Reminders(now, serverA), runDac7Reminders(now, serverB)]);
	await Promise.all([runDac7Reminders(now, serverB), runDac7Reminders(now, serverA)]);
}

async function mailsToSeller(): Promise<string[]> {
	return (await listOutbox(50, sellerEmail))
		.map((m) => m.subject)
		.filter((s) => !s.startsWith('Tausch'))
		.sort();
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Steuerquartier',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: { ...DEFAULT_QUARTER_SETTINGS }
		},
		new Date()
	);
	seller = await person(Q, 'business');
	buyer = await person(Q, 'resident');
	sellerEmail = (await findUserById(seller))!.email;
	await cashSale(4_500, start);
	await cashSale(2_000, day(70)); // Q2
});

describe('seller-data reminders (§ 23 PStTG)', () => {
	it('sends the request, two reminders and the pause exactly once each', async () => {
		await runEverywhere(day(1));
		expect(await mailsToSeller()).toEqual(['Bitte ergänze deine Angaben für das Finanzamt']);
		await runEverywhere(day(10));
		expect(await mailsToSeller()).toHaveLength(1);

		await runEverywhere(day(21));
		await runEverywhere(day(41));
		expect(await mailsToSeller()).toHaveLength(3);
		expect(await euroSalesAllowed(seller, day(41))).toBe(true);

		await runEverywhere(day(61));
		await runEverywhere(day(90));
		const subjects = await mailsToSeller();
		expect(subjects).toHaveLength(4);
		expect(subjects.filter((s) => s.startsWith('Erinnerung'))).toHaveLength(2);
		expect(subjects).toContain('Deine Euro-Verkäufe sind pausiert');
		const notices = (await listNotices()).filter((n) => n.userId === seller);
		expect(notices.map((n) => n.kind).sort()).toEqual([
			'paused',
			'reminder1',
			'reminder2',
			'request'
		]);
		expect(new Set(notices.map((n) => n.requestedAt.toISOString()))).toEqual(
			new Set([start.toISOString()])
		);
	});

	it('pauses euro sales, not hours, until the data is complete', async () => {
		expect(await euroSalesAllowed(seller, day(90))).toBe(false);
		const euro = await serverB.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Schlauch flicken',
			minutes: 30,
			settlement: 'euros',
			amountCents: 800,
			origin: 'http://quartier.test',
			now: day(90)
		});
		expect(euro.ok ? 'ok' : euro.problem).toBe('seller_data_missing');
		const hours = await serverB.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: seller,
			side: 'receiver',
			title: 'Tipps zur Kette',
			minutes: 30,
			settlement: 'hours',
			origin: 'http://quartier.test',
			now: day(90)
		});
		expect(hours.ok).toBe(true);

		await saveSellerTaxData(
			seller,
			{
				kind: 'individual',
				firstName: 'Paula',
				lastName: 'Speiche',
				birthDate: '1979-05-04',
				address: 'Radweg 3\n30159 Hannover',
				tin: '12345678901',
				tinCountry: 'DE',
				vatId: ''
			},
			day(91)
		);
		expect(await euroSalesAllowed(seller, day(91))).toBe(true);
		await runEverywhere(day(200));
		expect(await mailsToSeller()).toHaveLength(4);
	});

	it('tells the seller once in January that the copy for last year is ready', async () => {
		await runEverywhere(new Date(Date.UTC(2027, 0, 5, 9)));
		await runEverywhere(new Date(Date.UTC(2027, 0, 20, 9)));
		const copies = (await mailsToSeller()).filter((s) => s.includes('2026'));
		expect(copies).toEqual(['Deine Angaben für die Meldung 2026']);
	});

	it('reports the settled euro sales per quarter of the year', async () => {
		const report = await buildReport(2026, serverB);
		const row = report.rows.find((r) => r.sellerId === seller)!;
		expect(row.activities).toEqual([1, 1, 0, 0]);
		expect(row.considerationCents).toEqual([4_500, 2_000, 0, 0]);
		expect(sum(row.feesCents)).toBe(0);
		expect(row.missing).toEqual([]);
		expect(row.name).toBe('Paula Speiche');
	});
});
