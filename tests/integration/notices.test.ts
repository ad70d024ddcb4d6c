// DSA notice and action and internal complaints against the real FerretDB (SQLite): a visitor's
// notice through the public form (bad input changes nothing, a double submit stores one notice,
// a receipt is mailed), two moderators on two servers deciding at once (one decision, the
// listing hidden through its own moderation path, the statement of reasons mailed with a
// complaint link), a complaint from that link decided by another moderator (four eyes), which
// restores the listing and tells both sides, and the yearly figures for /transparenz.
import { beforeAll, describe, expect, it } from 'vitest';
import { transparencyTable } from '../../src/lib/domain/legal/transparency';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import { NOTICE_SOURCES } from '../../src/lib/domain/notices/figures';
import type { ListingContent } from '../../src/lib/domain/listings/listing';
import type { Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser, type User } from '../../src/lib/server/repos/users';
import { createListing } from '../../src/lib/server/services/listings';
import { listingBook } from '../../src/lib/server/services/listing-book';
import { createNoticeService, notices } from '../../src/lib/server/services/notices';
import { listNotifications } from '../../src/lib/server/services/notifications';
import { actions as noticeActions } from '../../src/routes/(public)/meldung/+page.server';
import { actions as cockpitActions } from '../../src/routes/(manage)/manage/[quarter]/notices/+page.server';

const Q = 'meldequartier';
const ORIGIN = 'http://quartier.test';
const NOTIFIER = 'melderin@beispiel.de';
let quarter: Quarter;
const people: Record<'author' | 'modA' | 'modB' | 'modC', User> = {} as never;

const CONTENT: ListingContent = {
	kind: 'offer',
	title: 'Markenuhren, originalverpackt, weit unter Preis',
	description: 'Nur gegen Vorkasse.',
	category: DEFAULT_CATEGORIES[0]!.id,
	tags: [],
	settlement: 'free',
	priceCents: null,
	priceUnit: null,
	availability: '',
	blockId: null,
	photoId: null
};

async function person(displayName: string, role: Role): Promise<User> {
	const id = newId();
	const user = await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName, locale: 'de', passwordHash: 'not-used' },
		new Date(),
		true
	);
	await insertMembership({ quarterId: Q, userId: id, role, state: 'active' }, new Date());
	return user;
}

async function publishedListing(): Promise<string> {
	const result = await createListing({
		quarter,
		userId: people.author.id,
		membership: await findMembership(Q, people.author.id),
		content: CONTENT,
		submit: true,
		now: new Date()
	});
	if (!result.ok) throw new Error(result.problem);
	expect(result.listing.state).toBe('published');
	return result.listing.id;
}

type Action = (event: never) => Promise<unknown>;

/** Posts a form as a browser without JavaScript would; thrown redirects become statuses. */
async function post(
	action: Action,
	user: User | null,
	fields: Record<string, string>,
	params: Record<string, string> = {}
): Promise<{ status: number; data: Record<string, unknown> | null }> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = `${ORIGIN}/meldung`;
	const event = {
		params,
		url: new URL(url),
		locals: { user, session: user ? { id: 's', userId: user.id } : null, locale: 'de' },
		request: new Request(url, { method: 'POST', body }),
		getClientAddress: () => '192.0.2.7',
		setHeaders: () => {}
	};
	try {
		const result = (await action(event as never)) as {
			status?: number;
			data?: Record<string, unknown>;
		};
		return {
			status: result?.status ?? 200,
			data: (result?.data ?? result) as Record<string, unknown>
		};
	} catch (err) {
		const e = err as { status?: number };
		if (typeof e.status !== 'number') throw err;
		return { status: e.status, data: null };
	}
}

async function mailsTo(to: string, subject: RegExp) {
	return (await listMail(50, to)).filter((mail) => subject.test(mail.subject));
}

function linkIn(text: string): string {
	const match = /https?:\/\/\S+\/beschwerde\?token=([a-z2-7]{32})/.exec(text);
	if (!match) throw new Error(`no complaint link in: ${text}`);
	return match[1]!;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Meldequartier',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false }
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	people.author = await person('Uwe Uhren', 'resident');
	people.modA = await person('Moderatorin A', 'moderator');
	people.modB = await person('Moderator B', 'moderator');
	people.modC = await person('Moderatorin C', 'moderator');
});

describe('notice and action', () => {
	let listingId = '';
	let noticeId = '';

	it('takes a visitor’s notice once, mails a receipt, and refuses bad input without storing', async () => {
		listingId = await publishedListing();
		// Pasted from another device: stored as this installation's own address, never as typed.
		const location = `${ORIGIN}/q/${Q}/listings/${listingId}`;
		const form = {
			location: `https://anderswo.example/q/${Q}/listings/${listingId}?von=mail`,
			explanation: 'Gefälschte Markenuhren gegen Vorkasse: Betrug und Markenverletzung.',
			name: '',
			email: NOTIFIER,
			goodFaith: 'yes',
			nonce: 'nonce-der-melderin-0001'
		};
		const noFaith = await post(noticeActions.default as Action, null, { ...form, goodFaith: '' });
		expect(noFaith.status).toBe(400);
		expect(noFaith.data?.errors).toMatchObject({ goodFaith: 'notice_error_good_faith' });
		const nowhere = await post(noticeActions.default as Action, null, {
			...form,
			location: `${ORIGIN}/q/${Q}/listings/ffffffffffffffffffffffff`
		});
		expect(nowhere.data?.errors).toEqual({ location: 'notice_error_unknown_location' });
		const badMail = await post(noticeActions.default as Action, null, {
			...form,
			email: 'keine-adresse'
		});
		expect(badMail.data?.errors).toMatchObject({ email: 'error_email_invalid' });
		expect((await notices.book(Q)).order).toEqual([]);

		const [first, again] = await Promise.all([
			post(noticeActions.default as Action, null, form),
			post(noticeActions.default as Action, null, form)
		]);
		expect(first.data?.sent).toBe(true);
		expect(again.data?.reference).toBe(first.data?.reference);
		noticeId = String(first.data?.reference);
		const book = await notices.book(Q);
		expect(book.order).toEqual([noticeId]);
		expect(book.notices.get(noticeId)?.notice.authorId).toBe(people.author.id);
		expect(book.notices.get(noticeId)?.notice.target.url).toBe(location);
		const receipts = await mailsTo(NOTIFIER, /eingegangen/);
		expect(receipts).toHaveLength(1);
		expect(receipts[0]!.text).toContain(location);
		// Without a name the greeting is plain (it was "Hallo ,"); every mail closes the same way.
		expect(receipts[0]!.text).toMatch(/^Hallo,\n\nwir haben/);
		expect(receipts[0]!.text).toMatch(/\n\nViele Grüße\nDein Quartiermarkt$/);
	});

	it('lets one of two moderators deciding at once decide, through the listing’s hide move', async () => {
		// Two app servers: each has its own view of the notice log.
		const other = createNoticeService();
		const decide = (service: typeof notices, by: User) =>
			service.decide({
				quarter,
				noticeId,
				moderatorId: by.id,
				decision: 'remove',
				ground: { type: 'law', code: 'fraud' },
				facts: 'Gefälschte Ware gegen Vorkasse angeboten.',
				affectedId: null,
				origin: ORIGIN,
				now: new Date()
			});
		const results = await Promise.all([decide(notices, people.modA), decide(other, people.modB)]);
		const wins = results.filter((r) => r.ok);
		expect(wins).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: 'decided_already' });
		const state = (await notices.book(Q)).notices.get(noticeId)!;
		expect(state.decision?.decision).toBe('remove');
		expect((await listingBook.get(listingId))?.state).toBe('hidden');
		const audit = (await listAudit(Q, { offset: 0, limit: 50 })).entries.map((e) => e.action);
		expect(audit).toEqual(
			expect.arrayContaining(['notice.received', 'listing.hide', 'notice.remove'])
		);
		expect(audit.filter((a) => a === 'listing.hide')).toHaveLength(1);

		const statements = await mailsTo(people.author.email, /Begründung/);
		expect(statements).toHaveLength(1);
		expect(statements[0]!.text).toContain('Betrug (§ 263 StGB)');
		expect(statements[0]!.text).toContain('automatisierte Mittel wurden weder');
		expect(statements[0]!.text).toMatch(/^Hallo [^,\n]+,\n\n/);
		expect(statements[0]!.text).toMatch(/\n\nViele Grüße\nDein Quartiermarkt$/);
		// The statement replaces the listing's own "hidden" mail: one message, not two.
		expect(await mailsTo(people.author.email, /Dein Eintrag/)).toHaveLength(0);
		expect(await mailsTo(NOTIFIER, /Entscheidung über deinen Hinweis/)).toHaveLength(1);
		const news = await listNotifications(people.author.id);
		expect(news.map((n) => [n.kind, n.move])).toEqual([['notice', 'decision:remove']]);
	});

	it('has another moderator decide the author’s complaint, restores the listing and tells both', async () => {
		const token = linkIn((await mailsTo(people.author.email, /Begründung/))[0]!.text);
		const access = await notices.complaintAccess(token, new Date());
		expect(access?.party).toBe('author');
		const request = { ip: '192.0.2.8', now: new Date() };
		const reasons = 'Die Uhren sind echt, die Rechnung liegt vor.';
		expect(await notices.lodgeComplaint({ token, reasons: ' ' }, request)).toEqual({
			ok: false,
			problem: 'reasons_required'
		});
		expect(await notices.lodgeComplaint({ token, reasons }, request)).toEqual({
			ok: true,
			repeated: false
		});
		expect(await notices.lodgeComplaint({ token, reasons }, request)).toEqual({
			ok: true,
			repeated: true
		});
		expect(await notices.complaintAccess('a'.repeat(32), new Date())).toBeNull();

		const first = (await notices.book(Q)).notices.get(noticeId)!.decision!.by;
		const firstUser = first === people.modA.id ? people.modA : people.modB;
		const fields = {
			notice: noticeId,
			party: 'author',
			outcome: 'reversed',
			reasons: 'Rechnung geprüft.'
		};
		// Four eyes, in the cockpit's action as in the service: the first moderator is refused.
		const refused = await post(cockpitActions.complaint as Action, firstUser, fields, {
			quarter: Q
		});
		expect(refused.status).toBe(409);
		expect(refused.data?.errors).toEqual({ form: 'notices_error_same_moderator' });
		expect((await listingBook.get(listingId))?.state).toBe('hidden');

		const decided = await post(cockpitActions.complaint as Action, people.modC, fields, {
			quarter: Q
		});
		expect(decided.status).toBe(303);
		expect((await listingBook.get(listingId))?.state).toBe('published');
		const state = (await notices.book(Q)).notices.get(noticeId)!;
		expect(state.effective?.decision).toBe('keep');
		expect(state.deciders).toEqual([first, people.modC.id]);
		expect(await mailsTo(NOTIFIER, /Beschwerde/)).toHaveLength(1);
		expect(await mailsTo(people.author.email, /Beschwerde/)).toHaveLength(1);
		const audit = (await listAudit(Q, { offset: 0, limit: 50 })).entries.map((e) => e.action);
		expect(audit).toEqual(
			expect.arrayContaining(['notice.complaint', 'listing.reinstate', 'notice.complaintReversed'])
		);
		// The same form sent again is the same decision: nothing more happens.
		const again = await post(cockpitActions.complaint as Action, people.modC, fields, {
			quarter: Q
		});
		expect(again.status).toBe(303);
		expect(await mailsTo(NOTIFIER, /Beschwerde/)).toHaveLength(1);
	});

	it('closes the complaint link after six months', async () => {
		const token = linkIn((await mailsTo(NOTIFIER, /Entscheidung über deinen Hinweis/))[0]!.text);
		expect(await notices.complaintAccess(token, new Date())).not.toBeNull();
		const later = new Date(Date.now() + 190 * 24 * 60 * 60 * 1000);
		expect(await notices.complaintAccess(token, later)).toBeNull();
		expect(
			await notices.lodgeComplaint({ token, reasons: 'Zu spät' }, { ip: '192.0.2.9', now: later })
		).toEqual({ ok: false, problem: 'bad_link' });
	});

	it('suspends a profile’s account only on the notifier’s complaint against a keep', async () => {
		const member = await person('Petra Profil', 'resident');
		const filed = await notices.file(
			{
				location: `/q/${Q}/members/${member.id}`,
				explanation: 'Im Profil steht eine Drohung gegen eine Nachbarin.',
				name: 'Nina Nachbarin',
				email: 'nachbarin@beispiel.de',
				locale: 'de',
				origin: ORIGIN,
				nonce: 'nonce-der-nachbarin-0001'
			},
			{ ip: '192.0.2.10', now: new Date() }
		);
		if (!filed.ok) throw new Error(JSON.stringify(filed));
		const decide = (decision: 'keep' | 'restrict') =>
			notices.decide({
				quarter,
				noticeId: filed.noticeId,
				moderatorId: people.modA.id,
				decision,
				ground: decision === 'keep' ? null : { type: 'law', code: 'hate' },
				facts: 'Kein Inhalt einer Drohung erkennbar.',
				affectedId: null,
				origin: ORIGIN,
				now: new Date()
			});
		// A profile has no content of its own to restrict: only keep or suspend fit.
		expect(await decide('restrict')).toEqual({ ok: false, problem: 'wrong_kind' });
		expect(await decide('keep')).toEqual({ ok: true });
		expect(await mailsTo(member.email, /Begründung/)).toHaveLength(0);

		const token = linkIn((await mailsTo('nachbarin@beispiel.de', /Entscheidung/))[0]!.text);
		const request = { ip: '192.0.2.11', now: new Date() };
		const lodged = await notices.lodgeComplaint(
			{ token, reasons: 'Die Drohung steht im Profiltext.' },
			request
		);
		expect(lodged).toEqual({ ok: true, repeated: false });
		const reverse = (by: User) =>
			notices.decideComplaint({
				quarter,
				noticeId: filed.noticeId,
				by: by.id,
				party: 'notifier',
				outcome: 'reversed',
				reasons: 'Der Profiltext droht einer Nachbarin: Konto gesperrt.',
				replacement: {
					decision: 'suspend',
					ground: { type: 'law', code: 'hate' },
					affectedId: null
				},
				origin: ORIGIN,
				now: new Date()
			});
		expect(await reverse(people.modA)).toEqual({ ok: false, problem: 'same_moderator' });
		expect((await findMembership(Q, member.id))?.state).toBe('active');
		expect(await reverse(people.modB)).toEqual({ ok: true });
		// Through the member suspension every other act uses.
		expect((await findMembership(Q, member.id))?.state).toBe('suspended');
		const audit = (await listAudit(Q, { offset: 0, limit: 50 })).entries.map((e) => e.action);
		expect(audit).toEqual(expect.arrayContaining(['notice.keep', 'member.suspend']));
		// The member now restricted gets a statement of reasons with a complaint link of their own.
		const statement = (await mailsTo(member.email, /Begründung/))[0]!.text;
		expect(statement).toContain('Konto gesperrt');
		expect(statement).toContain('Volksverhetzung, Bedrohung');
		expect((await notices.complaintAccess(linkIn(statement), new Date()))?.party).toBe('author');
	});

	it('counts the year for the transparency report', async () => {
		const now = new Date();
		const table = transparencyTable(NOTICE_SOURCES, await notices.transparencyFacts(Q), now);
		const row = (source: string, kind: string) =>
			table.sections.find((s) => s.source === source)!.rows.find((r) => r.kind === kind)!.cells[0];
		// Two notices, their decisions and two complaints: all under five, so not given out.
		expect(row('notices', 'listing')).toEqual({ kind: 'suppressed' });
		expect(row('notice_decisions', 'keep')).toEqual({ kind: 'suppressed' });
		expect(row('notice_decisions', 'restrict')).toEqual({ kind: 'value', value: 0 });
		expect(row('complaint_outcomes', 'reversed')).toEqual({ kind: 'suppressed' });
		expect(table.sections.find((s) => s.source === 'notice_decisions')!.medianHours).toEqual([
			{ kind: 'suppressed' }
		]);
		const facts = await notices.transparencyFacts(Q);
		expect(facts.filter((f) => f.source === 'notices')).toHaveLength(2);
		expect(facts.filter((f) => f.source === 'complaint_outcomes').map((f) => f.kind)).toEqual([
			'reversed',
			'reversed'
		]);
		// Over all quarters: the same two notices (no other quarter has any).
		expect((await notices.transparencyFacts()).filter((f) => f.source === 'notices')).toHaveLength(
			2
		);
	});
});
