// Address check by letter and the Jahresübersicht's notice (issue 16 items 5, 6) against the real
// FerretDB: a printed PDF holds the code; a code works once, not after expiry, and 50 concurrent
// attempts give one success; the postal address is gone after use and after expiry (the purge
// job); a resident close to the § 22 Nr. 3 EStG limit is told once, however often the job runs.
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { CODE_TTL_MS } from '../../src/lib/domain/trust/address-letter';
import { getDb } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import {
	letterStatusOf,
	printLetters,
	purgeLetterAddresses,
	requestLetter,
	verifyCode
} from '../../src/lib/server/services/address-letters';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { notifications } from '../../src/lib/server/services/notifications';
import { runTaxHints, yearlyStatement } from '../../src/lib/server/services/yearly-statement';

const Q = 'briefquartier';
const HOUR = 60 * 60 * 1000;
let quarter: Quarter;
let moderator: string;

async function person(
	name: string,
	role: 'resident' | 'moderator' = 'resident',
	state: 'active' | 'pending' = 'active'
) {
	const id = newId();
	await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: '-' },
		new Date(),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state }, new Date());
	return id;
}

const address = (name: string) => ({
	name,
	extra: '',
	street: 'Lindenstraße 4',
	postcode: '30449',
	city: 'Hannover'
});

async function stored(userId: string) {
	return (await getDb()).collection('address_checks').findOne({ _id: `${Q}:${userId}` as never });
}

/** Requests and prints a letter for the person; the printed code. */
async function letterFor(userId: string, now: Date): Promise<string> {
	expect(
		await requestLetter({
			quarter,
			userId,
			blockId: 'b-linden',
			address: address('Eva Muster'),
			now
		})
	).toEqual({ ok: true });
	const batch = await printLetters({ quarter, by: moderator, userIds: [userId], now });
	return batch.codes.get(userId)!;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Briefquartier',
			city: 'Hannover',
			description: '',
			settings: DEFAULT_QUARTER_SETTINGS,
			blocks: [{ id: 'b-linden', name: 'Lindenstraße', lat: 52.37, lon: 9.7 }]
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	moderator = await person('Mara Brief', 'moderator');
});

describe('letters with address codes', () => {
	it('prints a PDF with one page per waiting letter that holds the code', async () => {
		const now = new Date('2026-03-02T09:00:00Z');
		const a = await person('Anna Antrag', 'resident', 'pending');
		const b = await person('Ben Brief');
		for (const id of [a, b]) {
			expect(
				await requestLetter({
					quarter,
					userId: id,
					blockId: 'b-linden',
					address: address(`Name ${id}`),
					now
				})
			).toEqual({ ok: true });
		}
		// A waiting request is not replaced, and a block must be the quarter's.
		expect(
			await requestLetter({ quarter, userId: a, blockId: 'b-linden', address: address('x'), now })
		).toEqual({ ok: false, problem: 'waiting' });
		expect(
			await requestLetter({ quarter, userId: b, blockId: 'nope', address: address('x'), now })
		).toEqual({ ok: false, problem: 'no_block' });

		const batch = await printLetters({ quarter, by: moderator, now });
		expect(batch.count).toBe(2);
		expect(batch.pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const pdf = await getDocumentProxy(new Uint8Array(batch.pdf));
		expect(pdf.numPages).toBe(2);
		const { text } = await extractText(pdf, { mergePages: true });
		for (const code of batch.codes.values())
			expect(text).toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
		expect(text).toContain('Lindenstraße 4');
		expect(text).toContain('30449 Hannover');
		// The code is stored only as a hash.
		const doc = await stored(a);
		expect(doc?.codeHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(doc)).not.toContain(batch.codes.get(a)!);
		// Printed letters are not printed again with the batch.
		expect((await printLetters({ quarter, by: moderator, now })).count).toBe(0);
	});

	it('a code works once, for its person, and deletes the address but keeps the block', async () => {
		const now = new Date('2026-04-01T09:00:00Z');
		const eva = await person('Eva Einmal');
		const other = await person('Otto Anders');
		const code = await letterFor(eva, now);
		const later = new Date(now.getTime() + 2 * 24 * HOUR);
		expect(
			await verifyCode({ quarterId: Q, userId: other, code, ip: '10.0.0.1', now: later })
		).toEqual({ ok: false, problem: 'no_letter' });
		expect(
			await verifyCode({ quarterId: Q, userId: eva, code: 'ACDE-FGHJ', ip: '10.0.0.1', now: later })
		).toEqual({ ok: false, problem: 'wrong_code' });
		expect(
			await verifyCode({
				quarterId: Q,
				userId: eva,
				code: code.toLowerCase(),
				ip: '10.0.0.1',
				now: later
			})
		).toEqual({ ok: true });
		expect(
			await verifyCode({ quarterId: Q, userId: eva, code, ip: '10.0.0.1', now: later })
		).toEqual({ ok: false, problem: 'used' });

		const doc = await stored(eva);
		expect(doc).toMatchObject({ address: null, blockId: 'b-linden', verifiedAt: later });
		expect((await letterStatusOf(Q, eva, later)).state).toBe('verified');
		// A new request after verification is refused.
		expect(
			await requestLetter({
				quarter,
				userId: eva,
				blockId: 'b-linden',
				address: address('x'),
				now: later
			})
		).toEqual({ ok: false, problem: 'already_verified' });
	});

	it('an expired code fails, and the purge job deletes the address', async () => {
		const now = new Date('2026-05-01T09:00:00Z');
		const eva = await person('Eva Spät');
		const code = await letterFor(eva, now);
		const after = new Date(now.getTime() + CODE_TTL_MS);
		expect(
			await verifyCode({ quarterId: Q, userId: eva, code, ip: '10.0.0.2', now: after })
		).toEqual({ ok: false, problem: 'expired' });
		expect((await stored(eva))?.address).not.toBeNull();
		const purged = await purgeLetterAddresses(after);
		expect(purged.deleted).toBeGreaterThanOrEqual(1);
		expect(await stored(eva)).toMatchObject({ address: null, verifiedAt: null });
		// The same hour's run is claimed once: a second server does nothing.
		expect(await purgeLetterAddresses(after)).toEqual({ deleted: 0 });
		// An expired letter can be asked for again.
		expect(
			await requestLetter({
				quarter,
				userId: eva,
				blockId: 'b-linden',
				address: address('Eva'),
				now: after
			})
		).toEqual({ ok: true });
	});

	it('rate-limits guessing per person', async () => {
		const now = new Date('2026-06-01T09:00:00Z');
		const eva = await person('Eva Rater');
		await letterFor(eva, now);
		const results = [];
		for (let i = 0; i < 9; i++) {
			results.push(
				await verifyCode({ quarterId: Q, userId: eva, code: 'ACDE-FGHJ', ip: `10.1.0.${i}`, now })
			);
		}
		expect(
			results.slice(0, 8).every((r) => !r.ok && 'problem' in r && r.problem === 'wrong_code')
		).toBe(true);
		expect(results[8]).toMatchObject({ ok: false, reason: 'rate_limited' });
	});

	it('50 concurrent attempts with the right code give exactly one success', async () => {
		const now = new Date('2026-07-01T09:00:00Z');
		const eva = await person('Eva Eile');
		const code = await letterFor(eva, now);
		// Each attempt in its own rate-limit hour, so that all 50 reach the insert and race there.
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				verifyCode({
					quarterId: Q,
					userId: eva,
					code,
					ip: `10.2.0.${i}`,
					now: new Date(now.getTime() + (i + 1) * HOUR)
				})
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && 'problem' in r && r.problem === 'used')).toHaveLength(49);
		const uses = await (
			await getDb()
		)
			.collection('address_code_uses')
			.countDocuments({ userId: eva });
		expect(uses).toBe(1);
		expect((await stored(eva))?.address).toBeNull();
	});
});

describe('the Jahresübersicht notice', () => {
	it('tells a resident close to the § 22 Nr. 3 EStG limit once, however often the job runs', async () => {
		const seller = await person('Sina Verkauf');
		const year = Number(new Date().toISOString().slice(0, 4));
		// Three cash sales of 70 € = 210 €: above 80 % of 256 €.
		for (let i = 0; i < 3; i++) {
			const buyer = await person(`Kunde ${i}`);
			const result = await exchanges.propose({
				actorId: buyer,
				quarterId: Q,
				memberId: seller,
				side: 'receiver',
				title: `Fenster putzen ${i}`,
				minutes: 60,
				settlement: 'euros',
				amountCents: 7000,
				origin: 'http://localhost'
			});
			if (!result.ok) throw new Error(result.problem);
			const id = result.exchange.id;
			for (const [who, move] of [
				[seller, 'accept'],
				[seller, 'markDone'],
				[buyer, 'confirm'],
				[seller, 'cashPaid'],
				[buyer, 'cashPaid']
			] as const) {
				const moved = await exchanges.move(who, id, move);
				if (!moved.ok) throw new Error(`${move}: ${moved.problem}`);
			}
		}
		const statement = await yearlyStatement(quarter, seller, year);
		expect(statement?.figures).toMatchObject({ cashCents: 21_000, exchanges: 3, paidExchanges: 3 });
		expect(statement?.hints.find((h) => h.kind === 'services_income')?.level).toBe('approaching');

		const now = new Date();
		const runs = await Promise.all([runTaxHints(now), runTaxHints(now), runTaxHints(now)]);
		expect(runs.reduce((sum, r) => sum + r.told, 0)).toBe(1);
		await runTaxHints(new Date(now.getTime() + HOUR));
		const told = (await notifications.list(seller, 50)).filter((n) => n.kind === 'tax');
		expect(told).toHaveLength(1);
		expect(told[0]).toMatchObject({ move: 'income.services.exemption_limit', title: String(year) });
	});
});
