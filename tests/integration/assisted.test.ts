// Assisted members against the real FerretDB: the quarter management acts for a resident only
// with a recorded, not withdrawn consent and only in its own quarter; every act is stored as the
// member's with the moderator as `recordedBy` (exchange events and listing revisions), and the
// member's statement carries the "erfasst von" mark. Refused acts store nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import type { ListingContent } from '../../src/lib/domain/listings/listing';
import { memberAccount } from '../../src/lib/domain/ledger/ledger';
import type { Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findExchangeEvent } from '../../src/lib/server/repos/exchanges';
import { listRevisionsOfListing } from '../../src/lib/server/repos/listing-revisions';
import { insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import {
	checkActing,
	createListingFor,
	listAssisted,
	moveFor,
	proposeFor,
	recordConsent,
	withdrawConsent
} from '../../src/lib/server/services/assisted';
import { exchanges } from '../../src/lib/server/services/exchanges';
import { listingsOfAuthor } from '../../src/lib/server/services/listings';
import { listNotifications } from '../../src/lib/server/services/notifications';
import { timeAccounts } from '../../src/lib/server/services/time-accounts';
import { actions as assistedActions } from '../../src/routes/(manage)/manage/[quarter]/assisted/+page.server';

const Q = 'begleitquartier';
const OTHER = 'nachbarquartier';
const DAY = 24 * 60 * 60 * 1000;

let quarter: Quarter;
let other: Quarter;

async function person(name: string, quarterId: string, role: Role): Promise<string> {
	const id = newId();
	await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		new Date(),
		true
	);
	await insertMembership({ quarterId, userId: id, role, state: 'active' }, new Date());
	return id;
}

const content: ListingContent = {
	kind: 'request',
	title: 'Begleitung zum Arzt',
	description: 'Ich suche Begleitung zum Arzt.',
	category: DEFAULT_CATEGORIES[0]!.id,
	tags: [],
	settlement: 'hours',
	priceCents: null,
	priceUnit: null,
	availability: '',
	blockId: null,
	photoId: null
};

beforeAll(async () => {
	const base = { city: 'Teststadt', description: '', categories: [...DEFAULT_CATEGORIES] };
	await insertQuarter(
		{ ...base, id: Q, name: 'Begleitquartier', settings: DEFAULT_QUARTER_SETTINGS },
		new Date()
	);
	await insertQuarter(
		{ ...base, id: OTHER, name: 'Nachbarquartier', settings: DEFAULT_QUARTER_SETTINGS },
		new Date()
	);
	quarter = (await findQuarter(Q))!;
	other = (await findQuarter(OTHER))!;
});

describe('acting for an assisted member', () => {
	it('is refused without consent, recorded with it, refused again after the withdrawal', async () => {
		const mod = await person('Mona Moderatorin', Q, 'moderator');
		const renate = await person('Renate O.', Q, 'resident');
		const eck = await person('Café Eck', Q, 'business');
		const now = new Date();

		// Without consent nothing is stored.
		expect(
			await createListingFor({
				quarter,
				moderatorId: mod,
				memberId: renate,
				content,
				submit: true,
				now
			})
		).toEqual({ ok: false, problem: 'no_consent' });
		expect(
			await proposeFor({
				quarter,
				moderatorId: mod,
				memberId: renate,
				otherId: eck,
				side: 'receiver',
				title: 'Lampe anschließen',
				date: null,
				minutes: 60,
				origin: 'http://quartier.test',
				now
			})
		).toEqual({ ok: false, problem: 'no_consent' });
		expect(await listingsOfAuthor(Q, renate)).toHaveLength(0);
		expect(await exchanges.listOf(renate)).toHaveLength(0);

		// Consent given yesterday by phone.
		expect(
			await recordConsent({
				quarter,
				moderatorId: mod,
				memberId: renate,
				consentAt: new Date(now.getTime() - DAY),
				how: 'phone',
				note: 'am Telefon',
				now
			})
		).toEqual({ ok: true });
		// A second consent while the first holds is refused (a double submit changes nothing).
		expect(
			(
				await recordConsent({
					quarter,
					moderatorId: mod,
					memberId: renate,
					consentAt: now,
					how: 'letter',
					note: '',
					now
				})
			).ok
		).toBe(false);
		const listed = await listAssisted(quarter);
		expect(listed.map((a) => [a.name, a.how, a.recordedByName])).toEqual([
			['Renate O.', 'phone', 'Mona Moderatorin']
		]);

		// A listing: the member is the author, the revision records the moderator.
		const listing = await createListingFor({
			quarter,
			moderatorId: mod,
			memberId: renate,
			content,
			submit: true,
			now
		});
		expect(listing.ok).toBe(true);
		if (!listing.ok) return;
		expect(listing.listing.authorId).toBe(renate);
		expect(listing.listing.recordedBy).toBe(mod);
		const revisions = await listRevisionsOfListing(listing.listing.id);
		expect(revisions.map((r) => [r.by, r.recordedBy])).toEqual([[renate, mod]]);

		// An exchange proposed for her; the business answers itself; her confirmation is recorded.
		const proposed = await proposeFor({
			quarter,
			moderatorId: mod,
			memberId: renate,
			otherId: eck,
			side: 'receiver',
			title: 'Lampe anschließen',
			date: null,
			minutes: 60,
			origin: 'http://quartier.test',
			now
		});
		expect(proposed.ok).toBe(true);
		if (!proposed.ok) return;
		const id = proposed.exchange.id;
		expect(proposed.exchange.providerId).toBe(eck);
		expect(proposed.exchange.receiverId).toBe(renate);
		expect((await exchanges.move(eck, id, 'accept', { now })).ok).toBe(true);
		expect((await exchanges.move(eck, id, 'markDone', { now })).ok).toBe(true);
		const confirmed = await moveFor({
			quarter,
			moderatorId: mod,
			memberId: renate,
			exchangeId: id,
			move: 'confirm',
			now
		});
		expect(confirmed.ok).toBe(true);
		if (!confirmed.ok) return;
		expect(confirmed.exchange.state).toBe('settled');

		const events = await Promise.all([1, 2, 3, 4].map((n) => findExchangeEvent(id, n)));
		expect(events.map((e) => [e?.move, e?.by, e?.recordedBy ?? null])).toEqual([
			['propose', renate, mod],
			['accept', eck, null],
			['markDone', eck, null],
			['confirm', renate, mod]
		]);
		// Both parties see who recorded what.
		const seen = await exchanges.get(eck, id);
		expect(seen?.timeline.filter((t) => t.recordedBy === mod).map((t) => t.move)).toEqual([
			'propose',
			'confirm'
		]);
		expect(seen?.names[mod]).toBe('Mona Moderatorin');
		// The business's notification about the proposal names who recorded it.
		const news = await listNotifications(eck);
		expect(news.find((n) => n.exchangeId === id && n.move === 'propose')?.recordedBy).toBe(mod);

		// The booking in her statement carries the mark.
		const statement = await timeAccounts.view(quarter, memberAccount(renate), {}, 'de');
		const line = statement.rows.find((r) => r.exchangeId === id);
		expect(line?.minutes).toBe(-60);
		expect(line?.recorded).toBe('erfasst von Mona Moderatorin für Renate O.');

		// Withdrawn: every act is refused and nothing changes.
		expect(
			await withdrawConsent({ quarter, moderatorId: mod, memberId: renate, now: new Date() })
		).toEqual({
			ok: true
		});
		const later = new Date(Date.now() + 1000);
		expect(
			await createListingFor({
				quarter,
				moderatorId: mod,
				memberId: renate,
				content,
				submit: true,
				now: later
			})
		).toEqual({ ok: false, problem: 'withdrawn' });
		expect(
			await proposeFor({
				quarter,
				moderatorId: mod,
				memberId: renate,
				otherId: eck,
				side: 'receiver',
				title: 'Noch was',
				date: null,
				minutes: 60,
				origin: 'http://quartier.test',
				now: later
			})
		).toEqual({ ok: false, problem: 'withdrawn' });
		expect(
			await moveFor({
				quarter,
				moderatorId: mod,
				memberId: renate,
				exchangeId: id,
				move: 'dispute',
				now: later
			})
		).toEqual({ ok: false, problem: 'withdrawn' });
		expect(await listingsOfAuthor(Q, renate)).toHaveLength(1);
		expect(await exchanges.listOf(renate)).toHaveLength(1);
		expect(await findExchangeEvent(id, 6)).not.toBeNull(); // the settlement
		expect(await findExchangeEvent(id, 7)).toBeNull();

		const audit = await listAudit(Q, { offset: 0, limit: 50 });
		const acts = audit.entries.filter((e) => e.target.id === renate).map((e) => e.action);
		expect(acts.sort()).toEqual(['member.assistConsent', 'member.assistWithdrawn']);
	});

	it('is refused for members and moderators of other quarters', async () => {
		const mod = await person('Mona Zwei', Q, 'moderator');
		const foreignMod = await person('Fremde Moderatorin', OTHER, 'moderator');
		const foreign = await person('Fremde Bewohnerin', OTHER, 'resident');
		const renate = await person('Renate Zwei', Q, 'resident');
		const now = new Date();
		expect(
			(
				await recordConsent({
					quarter,
					moderatorId: mod,
					memberId: foreign,
					consentAt: now,
					how: 'phone',
					note: '',
					now
				})
			).ok
		).toBe(false);
		expect(
			await recordConsent({
				quarter: other,
				moderatorId: foreignMod,
				memberId: foreign,
				consentAt: now,
				how: 'in_person',
				note: '',
				now
			})
		).toEqual({ ok: true });
		// A moderator of this quarter cannot act for the other quarter's assisted member …
		expect(await checkActing(quarter, mod, foreign, now)).toEqual({
			ok: false,
			problem: 'not_member'
		});
		// … nor the other quarter's moderator for one of ours, even with consent.
		await recordConsent({
			quarter,
			moderatorId: mod,
			memberId: renate,
			consentAt: now,
			how: 'phone',
			note: '',
			now
		});
		expect(await checkActing(quarter, foreignMod, renate, now)).toEqual({
			ok: false,
			problem: 'not_moderator'
		});
		expect(
			await createListingFor({
				quarter,
				moderatorId: foreignMod,
				memberId: renate,
				content,
				submit: true,
				now
			})
		).toEqual({ ok: false, problem: 'not_moderator' });
		expect(await listingsOfAuthor(Q, renate)).toHaveLength(0);
	});

	it('answers a member who posts the consent form with 403', async () => {
		const member = await person('Samira Mitglied', Q, 'resident');
		const target = await person('Jemand', Q, 'resident');
		const body = new FormData();
		body.set('member', target);
		body.set('consentDay', new Date().toISOString().slice(0, 10));
		body.set('how', 'phone');
		const url = `http://quartier.test/manage/${Q}/assisted?/consent`;
		const event = {
			params: { quarter: Q },
			url: new URL(url),
			locals: { user: { id: member }, session: { id: 's', userId: member }, locale: 'de' },
			request: new Request(url, { method: 'POST', body })
		};
		let status = 200;
		try {
			await assistedActions.consent!(event as never);
		} catch (err) {
			status = (err as { status?: number }).status ?? 500;
		}
		expect(status).toBe(403);
		expect((await listAssisted(quarter)).some((a) => a.userId === target)).toBe(false);
	});
});
