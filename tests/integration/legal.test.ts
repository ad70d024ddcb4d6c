// Legal texts, rules acceptance, trader identity and the transparency counts against the real
// FerretDB (issue 13 items 1, 4, 5): versions and acceptances are insert-only, a change of
// substance asks again, a commercial offer waits for its author's trader identity.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import type { ListingContent } from '../../src/lib/domain/listings/listing';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { hashPassword } from '../../src/lib/server/auth/password';
import { getDb } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { appendAudit } from '../../src/lib/server/repos/audit';
import { flagId, insertFlag } from '../../src/lib/server/repos/flags';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail, insertUser } from '../../src/lib/server/repos/users';
import { signUp } from '../../src/lib/server/services/accounts';
import {
	acceptRules,
	allHouseRules,
	legalHistory,
	legalPage,
	legalText,
	mustAccept,
	requiredRules,
	rulesAcceptance,
	saveHouseRules,
	saveLegalText
} from '../../src/lib/server/services/legal';
import { changeListing, createListing } from '../../src/lib/server/services/listings';
import {
	hasCompleteTraderIdentity,
	saveTraderIdentity,
	traderIdentity,
	traderIdentityComplete
} from '../../src/lib/server/services/trader';
import { transparencyReport } from '../../src/lib/server/services/transparency';

const OFFER: ListingContent = {
	kind: 'offer',
	title: 'Brötchen vom Vortag',
	description: 'Jeden Abend eine Tüte Brötchen vom Tag.',
	category: 'essen',
	tags: [],
	settlement: 'euros',
	priceCents: 300,
	priceUnit: 'job',
	availability: 'abends',
	blockId: null,
	photoId: null
};

const IDENTITY = {
	legalName: 'Bäckerei Korn GmbH',
	address: 'Lindenstraße 4\n30159 Hannover',
	email: 'laden@korn.example',
	phone: '0511 123456',
	registerNumber: 'HRB 4711, Amtsgericht Hannover',
	lawfulConfirmed: true
};

let quarter: Quarter;
let admin: string;

async function person(name: string, role: 'resident' | 'business' | 'moderator') {
	const id = newId();
	await insertUser(
		{
			id,
			email: `${name}@beispiel.de`,
			displayName: name,
			locale: 'de',
			passwordHash: await hashPassword('langes Passwort 1')
		},
		new Date(),
		true
	);
	await insertMembership({ quarterId: 'kiez', userId: id, role, state: 'active' }, new Date());
	return id;
}

async function documents(collection: string) {
	return (await getDb()).collection(collection).find({}).sort({ _id: 1 }).toArray();
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: 'kiez',
			name: 'Kiez',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false },
			blocks: []
		},
		new Date()
	);
	quarter = (await findQuarter('kiez'))!;
	admin = await person('admin', 'moderator');
});

describe('legal texts', () => {
	it('start from the templates and keep every saved version', async () => {
		const template = await legalText('impressum');
		expect(template.version).toBe(0);
		expect(template.texts.de).toContain('«[Name des Trägers');
		expect(template.texts.en).toContain('«[Name of the operator');

		const first = await saveLegalText(
			'impressum',
			{ texts: { de: 'Verein Kiez e. V.', en: 'Kiez association' }, substantial: false },
			admin,
			new Date()
		);
		expect(first.ok).toBe(true);
		const again = await saveLegalText(
			'impressum',
			{ texts: { de: 'Verein Kiez e. V.\r\n', en: 'Kiez association' }, substantial: false },
			admin,
			new Date()
		);
		expect(again).toEqual({ ok: false, problem: 'unchanged' });
		await saveLegalText(
			'impressum',
			{ texts: { de: '## Verein Kiez e. V.\n\n<script>x()</script>', en: '' }, substantial: true },
			admin,
			new Date()
		);

		expect((await legalHistory('impressum')).map((v) => v.seq)).toEqual([2, 1]);
		const stored = await documents('legal_versions');
		expect(stored.map((d) => d._id)).toEqual([
			'platform:impressum:000001',
			'platform:impressum:000002'
		]);
		// The first version is still there as it was: versions are never overwritten.
		expect(stored[0]!.texts).toEqual({ de: 'Verein Kiez e. V.', en: 'Kiez association' });

		const de = await legalPage('impressum', 'de');
		expect(de.version).toBe(2);
		expect(de.html).toContain('<h2>Verein Kiez e. V.</h2>');
		expect(de.html).not.toContain('<script');
		// An empty English text shows the German one.
		expect((await legalPage('impressum', 'en')).html).toContain('Verein Kiez e. V.');
		// Only the rules' changes of substance count for accepting.
		expect(await requiredRules()).toBe(0);
	});

	it("shows a quarter's house rules under the platform's and withdraws them when emptied", async () => {
		await saveHouseRules(
			'kiez',
			{ de: 'Ruhe ab **22 Uhr**.', en: 'Quiet after 10 pm.' },
			admin,
			new Date()
		);
		expect(await allHouseRules('en')).toEqual([
			{ quarterId: 'kiez', quarterName: 'Kiez', html: '<p>Quiet after 10 pm.</p>\n' }
		]);
		await saveHouseRules('kiez', { de: '', en: '' }, admin, new Date());
		expect(await allHouseRules('de')).toEqual([]);
	});
});

describe('accepting the rules', () => {
	it('is recorded at sign-up, asked again after a change of substance, and kept insert-only', async () => {
		const email = 'neu@beispiel.de';
		const result = await signUp(
			{
				displayName: 'Neu',
				email,
				password: 'langes Passwort 1',
				quarterId: 'kiez',
				locale: 'de',
				kind: 'resident'
			},
			{ origin: 'http://quartier.test', ip: '192.0.2.10', now: new Date() }
		);
		expect(result).toEqual({ ok: true });
		const user = (await findUserWithPasswordByEmail(email))!;
		expect(await rulesAcceptance(user.id)).toMatchObject({ version: 0 });
		expect(await mustAccept(user.id)).toBe(false);

		// An editorial change asks nobody.
		await saveLegalText(
			'rules',
			{ texts: { de: 'Regeln, Fassung 1', en: 'Rules, version 1' }, substantial: false },
			admin,
			new Date()
		);
		expect(await mustAccept(user.id)).toBe(false);

		await saveLegalText(
			'rules',
			{ texts: { de: 'Regeln, Fassung 2', en: 'Rules, version 2' }, substantial: true },
			admin,
			new Date()
		);
		expect(await requiredRules()).toBe(2);
		expect(await mustAccept(user.id)).toBe(true);
		// A member who never had a record is asked too.
		const older = await person('alt', 'resident');
		expect(await mustAccept(older)).toBe(true);

		// Accepting the version the page showed before a newer one does not count for the newer.
		await acceptRules(user.id, 1, 'prompt', new Date());
		expect(await mustAccept(user.id)).toBe(true);
		// Two tabs accepting at once record it once.
		await Promise.all([
			acceptRules(user.id, 2, 'prompt', new Date()),
			acceptRules(user.id, 2, 'prompt', new Date())
		]);
		expect(await mustAccept(user.id)).toBe(false);
		expect(await rulesAcceptance(user.id)).toMatchObject({ version: 2 });

		const entries = (await documents('rules_acceptances')).filter((d) => d.userId === user.id);
		expect(entries.map((d) => [d.version, d.via])).toEqual([
			[0, 'signup'],
			[1, 'prompt'],
			[2, 'prompt']
		]);
	});
});

describe('trader identity', () => {
	it("keeps a business's first offer as a draft until the identity is given", async () => {
		const business = await person('baeckerei', 'business');
		const membership = await findMembership('kiez', business);
		const created = await createListing({
			quarter,
			userId: business,
			membership,
			content: OFFER,
			submit: true,
			now: new Date()
		});
		expect(created.ok && created.traderIdentityRequired).toBe(true);
		if (!created.ok) throw new Error('not created');
		expect(created.listing.state).toBe('draft');

		const base = { quarter, listingId: created.listing.id, userId: business, membership };
		const refused = await changeListing({ ...base, move: { move: 'submit' }, now: new Date() });
		expect(refused).toEqual({ ok: false, problem: 'trader_identity_required' });

		// Without the lawful-offer confirmation the identity is not complete.
		await saveTraderIdentity(business, { ...IDENTITY, lawfulConfirmed: false }, new Date());
		expect(await hasCompleteTraderIdentity(business)).toBe(false);
		expect((await changeListing({ ...base, move: { move: 'submit' }, now: new Date() })).ok).toBe(
			false
		);

		await saveTraderIdentity(business, IDENTITY, new Date());
		await saveTraderIdentity(business, IDENTITY, new Date()); // the same form twice
		expect(await traderIdentity(business)).toMatchObject({ seq: 2, legalName: IDENTITY.legalName });
		const submitted = await changeListing({ ...base, move: { move: 'submit' }, now: new Date() });
		expect(submitted.ok && submitted.listing.state).toBe('published');

		const stored = (await documents('trader_identities')).filter((d) => d.userId === business);
		expect(stored.map((d) => d.lawfulConfirmed)).toEqual([false, true]);

		const resident = await person('bewohnerin', 'resident');
		expect(await traderIdentityComplete([business, resident])).toEqual(
			new Map([
				[business, true],
				[resident, false]
			])
		);
	});

	it('does not gate residents, nor requests of businesses', async () => {
		const resident = await person('helferin', 'resident');
		const asResident = await createListing({
			quarter,
			userId: resident,
			membership: await findMembership('kiez', resident),
			content: { ...OFFER, settlement: 'hours', priceCents: null, priceUnit: null },
			submit: true,
			now: new Date()
		});
		expect(asResident.ok && asResident.listing.state).toBe('published');

		const business = await person('werkstatt', 'business');
		const request = await createListing({
			quarter,
			userId: business,
			membership: await findMembership('kiez', business),
			content: { ...OFFER, kind: 'request' },
			submit: true,
			now: new Date()
		});
		expect(request.ok && !request.traderIdentityRequired && request.listing.state).toBe(
			'published'
		);
	});
});

describe('transparency counts', () => {
	it('counts reports and decisions per year and suppresses small cells', async () => {
		const at = new Date();
		for (let i = 0; i < 6; i++) {
			const reporter = `melder${i}`;
			await insertFlag({
				id: flagId('listing', 'l1', reporter, 1),
				quarterId: 'kiez',
				target: { type: 'listing', id: 'l1' },
				reporterId: reporter,
				reason: 'spam',
				note: '',
				createdAt: at
			});
		}
		await insertFlag({
			id: flagId('member', 'm1', 'melder0', 1),
			quarterId: 'kiez',
			target: { type: 'member', id: 'm1' },
			reporterId: 'melder0',
			reason: 'spam',
			note: '',
			createdAt: at
		});
		await appendAudit({
			id: 'listing:l1:2',
			quarterId: 'kiez',
			at,
			actorId: admin,
			action: 'listing.hide',
			target: { type: 'listing', id: 'l1' },
			reason: 'Werbung',
			details: {}
		});
		const table = await transparencyReport(at);
		expect(table.years[0]).toBe(
			Number(at.toLocaleString('en', { year: 'numeric', timeZone: 'Europe/Berlin' }))
		);
		const reports = table.sections.find((s) => s.source === 'reports')!;
		expect(reports.rows.map((r) => [r.kind, r.cells[0]])).toEqual([
			['listing', { kind: 'value', value: 6 }],
			['member', { kind: 'suppressed' }],
			['conversation', { kind: 'value', value: 0 }]
		]);
		expect(reports.total[0]).toEqual({ kind: 'value', value: 7 });
		const decisions = table.sections.find((s) => s.source === 'decisions')!;
		expect(decisions.rows.find((r) => r.kind === 'listingRemoved')!.cells[0]).toEqual({
			kind: 'suppressed'
		});
	});
});
