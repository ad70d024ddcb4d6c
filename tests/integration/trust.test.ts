// Trust and safety against the real FerretDB (issue 16 items 1-4): an offer in a sensitive
// category waits until the Führungszeugnis is recorded; licensed work and a minor's euro offer
// are refused and store nothing; a minor never sells for euros at the exchange gate; a minor's
// membership is approved only after a parent's consent; the records are a person's data.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import type { ListingContent } from '../../src/lib/domain/listings/listing';
import type { MembershipState, Role } from '../../src/lib/domain/members/roles';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { newId } from '../../src/lib/server/ids';
import { db } from '../../src/lib/server/db';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import { approveApplication } from '../../src/lib/server/services/approval';
import { exchanges } from '../../src/lib/server/services/exchanges';
import {
	changeListing,
	createListing,
	listingsOfAuthor
} from '../../src/lib/server/services/listings';
import {
	recordMinorConsent,
	recordVetting,
	saveAge,
	trustBadges,
	setInsurance
} from '../../src/lib/server/services/trust';
import { registryEntry } from '../../src/lib/server/privacy/registry';

const Q = 'schutzquartier';
let quarter: Quarter;
const now = new Date('2026-12-03T10:00:00Z');

async function person(
	name: string,
	role: Role,
	birthYear: number | null = 1980,
	state: MembershipState = 'active'
): Promise<string> {
	const id = newId();
	await insertUser(
		{ id, email: `${id}@beispiel.de`, displayName: name, locale: 'de', passwordHash: 'x' },
		now,
		true
	);
	if (birthYear !== null) await saveAge(id, { birthYear, adultConfirmed: false }, now);
	await insertMembership({ quarterId: Q, userId: id, role, state }, now);
	return id;
}

const offer = (over: Partial<ListingContent>): ListingContent => ({
	kind: 'offer',
	title: 'Fenster putzen',
	description: '',
	category: 'haushalt',
	tags: [],
	settlement: 'hours',
	priceCents: null,
	priceUnit: null,
	availability: '',
	blockId: null,
	photoId: null,
	...over
});

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Schutzquartier',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: {
				...DEFAULT_QUARTER_SETTINGS,
				listingPreModeration: false,
				trust: { ...DEFAULT_QUARTER_SETTINGS.trust, minorsWithConsent: true }
			}
		},
		now
	);
	quarter = (await findQuarter(Q))!;
});

describe('trust rules in the listing service', () => {
	it('holds a babysitting offer until the Führungszeugnis is recorded, then it can be approved', async () => {
		const sitter = await person('Johanna', 'resident');
		const mod = await person('Sabine', 'moderator');
		const modMembership = await findMembership(Q, mod);
		const created = await createListing({
			quarter,
			userId: sitter,
			membership: await findMembership(Q, sitter),
			content: offer({ title: 'Babysitting', category: 'kinder-familie' }),
			submit: true,
			now
		});
		expect(created.ok && created.listing.state).toBe('pending'); // although no pre-moderation
		if (!created.ok) return;
		const approve = () =>
			changeListing({
				quarter,
				listingId: created.listing.id,
				userId: mod,
				membership: modMembership,
				move: { move: 'approve' },
				now,
				mailAuthor: false
			});
		expect(await approve()).toEqual({ ok: false, problem: 'vetting_required' });
		expect(
			await recordVetting({
				quarter,
				memberId: sitter,
				moderatorId: mod,
				issuedOn: '2026-08-01',
				seenOn: '2026-12-01',
				now
			})
		).toEqual({ ok: false, problem: 'too_old' });
		const recorded = await recordVetting({
			quarter,
			memberId: sitter,
			moderatorId: mod,
			issuedOn: '2026-11-20',
			seenOn: '2026-12-01',
			now
		});
		expect(recorded).toEqual({
			ok: true,
			record: {
				seenOn: '2026-12-01',
				issuedOn: '2026-11-20',
				recordedBy: mod,
				validUntil: '2031-12-01'
			}
		});
		const approved = await approve();
		expect(approved.ok && approved.listing.state).toBe('published');
		expect(await trustBadges(quarter, sitter, now)).toEqual({ vetted: true, insured: false });
		await setInsurance(sitter, true, now);
		expect(await trustBadges(quarter, sitter, now)).toEqual({ vetted: true, insured: true });
		const audit = (await listAudit(Q, { offset: 0, limit: 100 })).entries;
		expect(audit.some((a) => a.action === 'member.vettingRecorded' && a.target.id === sitter)).toBe(
			true
		);
	});

	it('sends sensitive words in another category to pre-moderation', async () => {
		const hair = await person('Hannes', 'resident');
		const created = await createListing({
			quarter,
			userId: hair,
			membership: await findMembership(Q, hair),
			content: offer({ title: 'Haare schneiden für Kinder zu Hause' }),
			submit: true,
			now
		});
		expect(created.ok && created.listing.state).toBe('pending');
	});

	it("refuses a resident's electrical offer and a minor's euro offer, storing nothing", async () => {
		const horst = await person('Horst', 'resident');
		const refused = await createListing({
			quarter,
			userId: horst,
			membership: await findMembership(Q, horst),
			content: offer({ title: 'Steckdosen setzen', category: 'handwerk' }),
			submit: true,
			now
		});
		expect(refused).toEqual({ ok: false, problem: 'licensed_business_only' });
		expect(await listingsOfAuthor(Q, horst)).toHaveLength(0);

		const lina = await person('Lina', 'resident', 2010);
		const euro = await createListing({
			quarter,
			userId: lina,
			membership: await findMembership(Q, lina),
			content: offer({
				title: 'Hunde ausführen',
				settlement: 'euros',
				priceCents: 500,
				priceUnit: 'hour'
			}),
			submit: true,
			now
		});
		expect(euro).toEqual({ ok: false, problem: 'minor_euros' });
		expect(await listingsOfAuthor(Q, lina)).toHaveLength(0);
	});

	it('never lets a minor provide for euros at the exchange gate', async () => {
		const lina = await person('Lina', 'resident', 2010);
		const buyer = await person('Bert', 'resident');
		const proposed = await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: lina,
			side: 'receiver',
			title: 'Rasen mähen',
			minutes: 60,
			settlement: 'euros',
			amountCents: 1000,
			origin: 'http://quartier.test',
			now
		});
		expect(proposed).toEqual({ ok: false, problem: 'seller_minor' });
		const inHours = await exchanges.propose({
			actorId: buyer,
			quarterId: Q,
			memberId: lina,
			side: 'receiver',
			title: 'Rasen mähen',
			minutes: 60,
			settlement: 'hours',
			origin: 'http://quartier.test',
			now
		});
		expect(inHours.ok).toBe(true);
	});
});

describe("a minor's membership", () => {
	it('is approved only after a parent consented', async () => {
		const mod = await person('Petra', 'moderator');
		const mia = await person('Mia', 'resident', 2010, 'pending');
		const approve = () =>
			approveApplication({
				quarter,
				memberId: mia,
				moderatorId: mod,
				origin: 'http://q.test',
				now
			});
		expect(await approve()).toEqual({ ok: false, problem: 'minor_consent_missing' });
		expect(await recordMinorConsent({ quarter, memberId: mia, moderatorId: mod, now })).toEqual({
			ok: true
		});
		expect((await approve()).ok).toBe(true);
		expect((await findMembership(Q, mia))?.state).toBe('active');
		const adult = await person('Adam', 'resident');
		expect(await recordMinorConsent({ quarter, memberId: adult, moderatorId: mod, now })).toEqual({
			ok: false,
			problem: 'not_minor'
		});
	});
});

describe('trust records are personal data', () => {
	it('are in the registry by user id, and nothing but dates and flags is kept', async () => {
		expect(registryEntry('trust_records')).toBeTruthy();
		const docs = await (await db()).trustRecords.find({}).toArray();
		const keys = new Set(docs.flatMap((d) => Object.keys(d)));
		expect([...keys].sort()).toEqual(
			[
				'_id',
				'adultConfirmed',
				'at',
				'birthYear',
				'issuedOn',
				'kind',
				'quarterId',
				'recordedBy',
				'seenOn',
				'userId',
				'validUntil'
			].sort()
		);
	});
});
