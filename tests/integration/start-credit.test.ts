// The start credit as a newcomer meets it, against the real FerretDB: sign up in a quarter
// without approval, open the verification link (twice, as mail scanners do), and the community
// account welcomes them exactly once. No credit where the quarter turned it off or the membership
// still waits for approval; a booking the ledger refuses never fails the verification.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMUNITY, memberAccount, type LedgerEntry } from '../../src/lib/domain/ledger/ledger';
import {
	DEFAULT_QUARTER_SETTINGS,
	type QuarterSettings
} from '../../src/lib/domain/quarters/settings';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { insertQuarter } from '../../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail } from '../../src/lib/server/repos/users';
import { signUp, verifyEmail } from '../../src/lib/server/services/accounts';
import { listNotifications } from '../../src/lib/server/services/notifications';

/** Open sign-up, start credit 2 hours (the defaults otherwise). */
const OPEN = 'offenhof';
/** Open sign-up, a second one: a person may belong to both. */
const SECOND = 'zweithof';
/** Open sign-up, start credit turned off. */
const NONE = 'ohnehof';
/** New members wait for the quarter management. */
const APPROVAL = 'pruefhof';
/** Members may hold at most 1 hour: the 2-hour start credit cannot be booked. */
const CAPPED = 'deckelhof';

let ipCounter = 0;
const ctx = () => ({
	origin: 'http://quartier.test',
	ip: `198.51.100.${++ipCounter % 250}`,
	now: new Date()
});

function tokenFrom(text: string): string {
	const match = /\/verify-email\?token=([a-z2-7]{32})/.exec(text);
	if (!match) throw new Error(`no verification link in: ${text}`);
	return match[1]!;
}

/** Signs up in `quarterId` and returns the user id and the token of the verification mail. */
async function newcomer(quarterId: string): Promise<{ id: string; email: string; token: string }> {
	const email = `neu.${++ipCounter}.${Date.now().toString(36)}@beispiel.de`;
	const result = await signUp(
		{
			displayName: 'Neu im Quartier',
			email,
			password: 'ein-langes-passwort',
			quarterId,
			locale: 'de',
			kind: 'resident'
		},
		ctx()
	);
	expect(result).toEqual({ ok: true });
	const [mail] = await listMail(1, email);
	const user = await findUserWithPasswordByEmail(email);
	return { id: user!.id, email, token: tokenFrom(mail!.text) };
}

async function startCredits(quarterId: string, userId: string): Promise<LedgerEntry[]> {
	return (await listLedgerEntries(quarterId)).filter((e) => e.key === `start-credit:${userId}`);
}

beforeAll(async () => {
	const quarter = (id: string, changes: Partial<QuarterSettings>) =>
		insertQuarter(
			{
				id,
				name: id,
				city: 'Teststadt',
				description: '',
				settings: { ...DEFAULT_QUARTER_SETTINGS, memberApproval: false, ...changes }
			},
			new Date()
		);
	await quarter(OPEN, {});
	await quarter(SECOND, { startCreditMinutes: 180 });
	await quarter(NONE, { startCreditMinutes: 0 });
	await quarter(APPROVAL, { memberApproval: true });
	await quarter(CAPPED, { timeBank: { minBalanceMinutes: -600, maxBalanceMinutes: 60 } });
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('start credit on email verification', () => {
	it('is booked once from the community account, however often the link is opened', async () => {
		const person = await newcomer(OPEN);
		expect(await startCredits(OPEN, person.id)).toEqual([]);

		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		const [again] = await Promise.all([
			verifyEmail(person.token, new Date()),
			verifyEmail(person.token, new Date())
		]);
		expect(again).toBe('verified');

		const entries = await startCredits(OPEN, person.id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			from: COMMUNITY,
			to: memberAccount(person.id),
			minutes: 120,
			kind: 'start-credit'
		});
		const notes = await listNotifications(person.id);
		expect(notes.map((n) => [n.kind, n.move, n.minutes, n.quarterId])).toEqual([
			['start-credit', 'startCredit', 120, OPEN]
		]);
	});

	it('welcomes in every quarter where the membership is active', async () => {
		const person = await newcomer(OPEN);
		await insertMembership(
			{ quarterId: SECOND, userId: person.id, role: 'resident', state: 'active' },
			new Date()
		);
		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		expect((await startCredits(OPEN, person.id)).map((e) => e.minutes)).toEqual([120]);
		expect((await startCredits(SECOND, person.id)).map((e) => e.minutes)).toEqual([180]);
	});

	it('books nothing where the quarter gives no start credit', async () => {
		const person = await newcomer(NONE);
		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		expect(await startCredits(NONE, person.id)).toEqual([]);
		expect(await listNotifications(person.id)).toEqual([]);
	});

	it('books nothing while the membership waits for approval', async () => {
		const person = await newcomer(APPROVAL);
		expect((await findMembership(APPROVAL, person.id))?.state).toBe('pending');
		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		expect(await startCredits(APPROVAL, person.id)).toEqual([]);
		expect(await listNotifications(person.id)).toEqual([]);
	});

	it('still verifies when the ledger refuses the credit, and says so in the log', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const person = await newcomer(CAPPED);
		expect(await verifyEmail(person.token, new Date())).toBe('verified');
		expect(await startCredits(CAPPED, person.id)).toEqual([]);
		expect((await findUserWithPasswordByEmail(person.email))?.emailVerified).toBe(true);
		expect(logged.mock.calls.some((call) => String(call[0]).includes('over_limit'))).toBe(true);
	});
});
