// Member approval through the real services against the real FerretDB: the quarter management
// approves, asks or declines; double submits and racing colleagues decide once, the start credit
// and each mail happen once, and a decision on someone no longer pending changes nothing.
import type { Locale } from '../../src/lib/domain/locale';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY, memberAccount } from '../../src/lib/domain/ledger/ledger';
import { directConversationId } from '../../src/lib/domain/messages/conversation';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { findApplication } from '../../src/lib/server/repos/applications';
import { listAudit } from '../../src/lib/server/repos/audit';
import { listLedgerEntries } from '../../src/lib/server/repos/ledger';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail, insertUser } from '../../src/lib/server/repos/users';
import { signUp, verifyEmail } from '../../src/lib/server/services/accounts';
import {
	approveApplication,
	askApplicant,
	declineApplication,
	listApplications
} from '../../src/lib/server/services/approval';
import {
	readConversation,
	sendMessage,
	startConversation
} from '../../src/lib/server/services/messaging';

const Q = 'freigabehof';
const OPEN = 'offenfeld';
const ORIGIN = 'http://quartier.test';
let quarter: Quarter;
let moderator: string;
let n = 0;

async function person(
	state: MembershipState,
	opts: { role?: Role; verified?: boolean; locale?: Locale; quarterId?: string } = {}
) {
	const id = newId();
	const email = `p${++n}.${Date.now().toString(36)}@beispiel.de`;
	await insertUser(
		{ id, email, displayName: `Person ${n}`, locale: opts.locale ?? 'de', passwordHash: 'x' },
		new Date(),
		opts.verified ?? true
	);
	await insertMembership(
		{ quarterId: opts.quarterId ?? Q, userId: id, role: opts.role ?? 'resident', state },
		new Date()
	);
	return { id, email };
}

const startCredits = async (userId: string) =>
	(await listLedgerEntries(Q)).filter((e) => e.key === `start-credit:${userId}`);

const auditOf = async (userId: string) =>
	(await listAudit(Q, { offset: 0, limit: 1000 })).entries.filter(
		(e) => e.target.type === 'member' && e.target.id === userId
	);

const decideInput = (memberId: string, by = moderator) => ({
	quarter,
	memberId,
	moderatorId: by,
	origin: ORIGIN,
	now: new Date()
});

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '' };
	await insertQuarter(
		{
			...base,
			id: Q,
			name: 'Freigabehof',
			settings: { ...DEFAULT_QUARTER_SETTINGS, memberApproval: true, startCreditMinutes: 120 }
		},
		new Date()
	);
	await insertQuarter(
		{
			...base,
			id: OPEN,
			name: 'Offenfeld',
			settings: { ...DEFAULT_QUARTER_SETTINGS, memberApproval: false }
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	moderator = (await person('active', { role: 'moderator' })).id;
});

describe('approve', () => {
	it('activates once, books the start credit once and mails a welcome once, on double submits', async () => {
		const giorgos = await person('pending');
		const first = await approveApplication(decideInput(giorgos.id));
		expect(first).toEqual({ ok: true, duplicate: false, startCredit: 'booked' });
		// The same form sent again after the first finished, and two more at once.
		expect(await approveApplication(decideInput(giorgos.id))).toEqual({
			ok: false,
			problem: 'not_pending'
		});
		const racing = await Promise.all([
			approveApplication(decideInput(giorgos.id)),
			approveApplication(decideInput(giorgos.id))
		]);
		expect(racing.every((r) => !r.ok)).toBe(true);

		const membership = await findApplication(Q, giorgos.id);
		expect(membership).toMatchObject({
			state: 'active',
			decision: { outcome: 'approved', by: moderator, reason: '' }
		});
		const credits = await startCredits(giorgos.id);
		expect(credits).toHaveLength(1);
		expect(credits[0]).toMatchObject({
			from: COMMUNITY,
			to: memberAccount(giorgos.id),
			minutes: 120,
			kind: 'start-credit'
		});
		const mails = await listMail(50, giorgos.email);
		expect(mails.map((m) => m.subject)).toEqual(['Willkommen in Freigabehof!']);
		expect(mails[0]!.text).toContain(`${ORIGIN}/q/${Q}/time-account`);
		const audit = await auditOf(giorgos.id);
		expect(audit.filter((e) => e.action === 'member.approved')).toHaveLength(1);
		expect(audit.filter((e) => e.action === 'ledger.startCredit')).toHaveLength(1);
	});

	it('decides once when two colleagues approve at the same moment', async () => {
		const other = (await person('active', { role: 'moderator' })).id;
		const anna = await person('pending');
		const results = await Promise.all([
			approveApplication(decideInput(anna.id)),
			approveApplication(decideInput(anna.id, other)),
			approveApplication(decideInput(anna.id))
		]);
		// Whoever lost the claim either finished the same decision or found it made already.
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		expect(await startCredits(anna.id)).toHaveLength(1);
		expect(await listMail(50, anna.email)).toHaveLength(1);
		expect((await auditOf(anna.id)).filter((e) => e.action === 'member.approved')).toHaveLength(1);
		expect((await findMembership(Q, anna.id))?.state).toBe('active');
	});

	it('mails the welcome in the applicant’s language', async () => {
		const emma = await person('pending', { locale: 'en' });
		expect((await approveApplication(decideInput(emma.id))).ok).toBe(true);
		const [mail] = await listMail(5, emma.email);
		expect(mail!.subject).toBe('Welcome to Freigabehof!');
		expect(mail!.text).toContain(`${ORIGIN}/en/q/${Q}`);
	});

	it('refuses a decision on an active, suspended or declined member and changes nothing', async () => {
		for (const state of ['active', 'suspended', 'declined'] as const) {
			const member = await person(state);
			expect(await approveApplication(decideInput(member.id))).toEqual({
				ok: false,
				problem: 'not_pending'
			});
			expect(await declineApplication({ ...decideInput(member.id), reason: 'Spät dran' })).toEqual({
				ok: false,
				problem: 'not_pending'
			});
			expect((await findMembership(Q, member.id))?.state).toBe(state);
			expect(await startCredits(member.id)).toEqual([]);
			expect(await listMail(5, member.email)).toEqual([]);
			expect(await auditOf(member.id)).toEqual([]);
		}
		expect(await approveApplication(decideInput(newId()))).toEqual({
			ok: false,
			problem: 'not_found'
		});
		expect(await approveApplication(decideInput(moderator))).toEqual({
			ok: false,
			problem: 'management'
		});
	});

	it('books the start credit of an unverified applicant once the address is proven', async () => {
		const email = `neu.${Date.now().toString(36)}@beispiel.de`;
		const text = 'Ich bin neu hier und möchte beim Gärtnern helfen.';
		await signUp(
			{
				displayName: 'Neu',
				email,
				password: 'ein-langes-passwort',
				quarterId: Q,
				locale: 'de',
				kind: 'resident',
				application: `  ${text}  `
			},
			{ origin: ORIGIN, ip: '198.51.100.7', now: new Date() }
		);
		const user = (await findUserWithPasswordByEmail(email))!;
		expect(await findApplication(Q, user.id)).toMatchObject({ state: 'pending', text });
		const listed = await listApplications(quarter, moderator, new Date());
		expect(listed.find((a) => a.userId === user.id)).toMatchObject({
			text,
			emailVerified: false,
			waitingDays: 0,
			conversationId: null
		});

		const approved = await approveApplication(decideInput(user.id));
		expect(approved).toEqual({ ok: true, duplicate: false, startCredit: 'on_verification' });
		expect(await startCredits(user.id)).toEqual([]);

		const verifyMail = (await listMail(10, email)).find((m) => /verify-email/.test(m.text))!;
		const token = /\/verify-email\?token=([a-z2-7]{32})/.exec(verifyMail.text)![1]!;
		expect(await verifyEmail(token, new Date())).toBe('verified');
		expect(await verifyEmail(token, new Date())).toBe('verified');
		expect(await startCredits(user.id)).toHaveLength(1);
	});

	it('keeps no application text where the quarter does not approve members', async () => {
		const email = `offen.${Date.now().toString(36)}@beispiel.de`;
		await signUp(
			{
				displayName: 'Offen',
				email,
				password: 'ein-langes-passwort',
				quarterId: OPEN,
				locale: 'de',
				kind: 'resident',
				application: 'Hallo'
			},
			{ origin: ORIGIN, ip: '198.51.100.8', now: new Date() }
		);
		const user = (await findUserWithPasswordByEmail(email))!;
		expect(await findApplication(OPEN, user.id)).toMatchObject({ state: 'active', text: '' });
	});
});

describe('decline', () => {
	it('declines with the reason, books no credit, mails the reason once', async () => {
		const helga = await person('pending');
		const reason = 'Du wohnst leider nicht im Quartier.';
		const results = await Promise.all([
			declineApplication({ ...decideInput(helga.id), reason }),
			declineApplication({ ...decideInput(helga.id), reason })
		]);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		expect(await findApplication(Q, helga.id)).toMatchObject({
			state: 'declined',
			decision: { outcome: 'declined', by: moderator, reason }
		});
		expect(await startCredits(helga.id)).toEqual([]);
		const mails = await listMail(10, helga.email);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text).toContain(reason);
		const audit = await auditOf(helga.id);
		expect(audit.map((e) => [e.action, e.reason])).toEqual([['member.declined', reason]]);
		// Approving afterwards (a stale form) is refused; still no credit.
		expect(await approveApplication(decideInput(helga.id))).toEqual({
			ok: false,
			problem: 'not_pending'
		});
		expect(await startCredits(helga.id)).toEqual([]);
		expect((await findMembership(Q, helga.id))?.state).toBe('declined');
	});

	it('lets exactly one of approve and decline win when they race', async () => {
		const lea = await person('pending');
		const [a, d] = await Promise.all([
			approveApplication(decideInput(lea.id)),
			declineApplication({ ...decideInput(lea.id), reason: 'Nein' })
		]);
		expect([a.ok, d.ok].filter(Boolean)).toHaveLength(1);
		const state = (await findMembership(Q, lea.id))?.state;
		expect(state).toBe(a.ok ? 'active' : 'declined');
		expect(await startCredits(lea.id)).toHaveLength(a.ok ? 1 : 0);
		expect(await listMail(10, lea.email)).toHaveLength(1);
		const decisions = (await auditOf(lea.id)).filter((e) => e.action.startsWith('member.'));
		expect(decisions).toHaveLength(1);
	});
});

describe('ask a question', () => {
	it('opens a conversation the applicant can read and answer, and nothing else', async () => {
		const frank = await person('pending');
		const active = await person('active');
		const nonce = `nonce${Date.now().toString(36)}abcdefgh`;
		const ask = () =>
			askApplicant({
				quarter,
				memberId: frank.id,
				moderatorId: moderator,
				text: 'Wo im Quartier wohnst du?',
				nonce,
				origin: ORIGIN,
				now: new Date()
			});
		const [first, second] = await Promise.all([ask(), ask()]);
		const conversationId = directConversationId(Q, moderator, frank.id);
		expect(first.ok && second.ok).toBe(true);
		expect([first, second].filter((r) => r.ok && !r.duplicate)).toHaveLength(1);

		const view = await readConversation({ conversationId, userId: frank.id, now: new Date() });
		expect(view?.messages.map((m) => m.text)).toEqual(['Wo im Quartier wohnst du?']);
		expect(view?.canWrite).toBe(true);
		const reply = await sendMessage({
			conversationId,
			senderId: frank.id,
			text: 'In der Schillerstraße 4.',
			origin: ORIGIN,
			now: new Date()
		});
		expect(reply.ok).toBe(true);
		expect(
			(await listApplications(quarter, moderator, new Date())).find((a) => a.userId === frank.id)
				?.conversationId
		).toBe(conversationId);

		// The applicant starts nothing with anybody else.
		const elsewhere = await startConversation({
			senderId: frank.id,
			target: { quarterId: Q, memberId: active.id },
			text: 'Hallo',
			origin: ORIGIN,
			now: new Date()
		});
		expect(elsewhere).toEqual({ ok: false, problem: 'sender_inactive' });
		// A member who is not the quarter management cannot write to the applicant.
		const fromMember = await startConversation({
			senderId: active.id,
			target: { quarterId: Q, memberId: frank.id },
			text: 'Hallo',
			origin: ORIGIN,
			now: new Date()
		});
		expect(fromMember).toEqual({ ok: false, problem: 'recipient_unavailable' });
		expect(
			(
				await askApplicant({
					quarter,
					memberId: frank.id,
					moderatorId: active.id,
					text: 'Frage',
					nonce: `${nonce}x`,
					origin: ORIGIN,
					now: new Date()
				})
			).ok
		).toBe(false);

		// Once declined, the applicant reads the conversation but writes no more.
		await declineApplication({ ...decideInput(frank.id), reason: 'Außerhalb' });
		const after = await readConversation({ conversationId, userId: frank.id, now: new Date() });
		expect(after?.canWrite).toBe(false);
		const late = await sendMessage({
			conversationId,
			senderId: frank.id,
			text: 'Schade',
			origin: ORIGIN,
			now: new Date()
		});
		expect(late).toEqual({ ok: false, problem: 'not_allowed' });
	});

	it('asks only pending applicants', async () => {
		const member = await person('active');
		const result = await askApplicant({
			quarter,
			memberId: member.id,
			moderatorId: moderator,
			text: 'Frage',
			nonce: `n${Date.now().toString(36)}abcdefghijk`,
			origin: ORIGIN,
			now: new Date()
		});
		expect(result).toEqual({ ok: false, problem: 'not_pending' });
	});
});
