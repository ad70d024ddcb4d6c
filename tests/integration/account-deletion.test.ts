// Account deletion (issue 13 item 7) against the real FerretDB: a busy member built through the
// app's own services is deleted, and then no document of any collection (listed from the
// database) holds their address, name, phone or profile text, the ledger still verifies, and
// the other party still sees the exchange, the conversation and the statement with the
// pseudonym. Also: blocked by an open exchange, a wrong password, a double submit, and a
// deletion that stopped after its first step finished by the maintenance job.
import sharp from 'sharp';
import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/lib/domain/listings/categories';
import type { ListingContent } from '../../src/lib/domain/listings/listing';
import { COMMUNITY, memberAccount } from '../../src/lib/domain/ledger/ledger';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { hashPassword } from '../../src/lib/server/auth/password';
import { getDb } from '../../src/lib/server/db';
import { newId } from '../../src/lib/server/ids';
import { processPhoto } from '../../src/lib/server/photos';
import { listAudit } from '../../src/lib/server/repos/audit';
import { claimDeletion, findDeletion } from '../../src/lib/server/repos/deletions';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { insertPhoto } from '../../src/lib/server/repos/photos';
import { findQuarter, insertQuarter, type Quarter } from '../../src/lib/server/repos/quarters';
import {
	findUserById,
	findUserWithPasswordByEmail,
	insertUser
} from '../../src/lib/server/repos/users';
import {
	deleteAccount,
	deletionLog,
	deletionPreview,
	finishDeletions,
	runDeletion
} from '../../src/lib/server/services/deletion';
import {
	createExchangeService,
	type ExchangeResult
} from '../../src/lib/server/services/exchanges';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { verifyLedgers } from '../../src/lib/server/services/ledger-verify';
import { createListing, findVisibleListing } from '../../src/lib/server/services/listings';
import { createMessagingService } from '../../src/lib/server/services/messaging';
import { fileFlag } from '../../src/lib/server/services/moderation';
import { notices } from '../../src/lib/server/services/notices';
import { Notifications } from '../../src/lib/server/services/notifications';
import { updateOwnProfile } from '../../src/lib/server/services/profiles';
import { TimeAccounts } from '../../src/lib/server/services/time-accounts';

const Q = 'loeschquartier';
const ORIGIN = 'http://quartier.test';
const PASSWORD = 'ein langes Passwort 123';

const ledger = new LedgerBook();
const exchanges = createExchangeService({ ledger, notifications: new Notifications() });
const messaging = createMessagingService();
const deps = { exchanges, ledger };
let quarter: Quarter;

interface Member {
	id: string;
	email: string;
	name: string;
	phone: string;
	bio: string;
}

let counter = 0;
async function member(prefix: string): Promise<Member> {
	const id = newId();
	const tag = `${++counter}${id.slice(-6)}`;
	const m: Member = {
		id,
		email: `${prefix.toLowerCase()}.${tag}@beispiel.de`,
		name: `${prefix} Wendelstein${tag}`,
		phone: `0176 5550${tag.replace(/\D/g, '').slice(0, 6)}`,
		bio: `Ich heiße ${prefix} und gärtnere gern am Kanal ${tag}.`
	};
	await insertUser(
		{
			id,
			email: m.email,
			displayName: m.name,
			locale: 'de',
			passwordHash: await hashPassword(PASSWORD)
		},
		new Date(),
		true
	);
	await insertMembership(
		{ quarterId: Q, userId: id, role: 'resident', state: 'active' },
		new Date()
	);
	return m;
}

function ok(result: ExchangeResult) {
	if (!result.ok) throw new Error(JSON.stringify(result.problem));
	return result.exchange;
}

async function photoFile(color: string): Promise<Blob> {
	const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: color } })
		.png()
		.toBuffer();
	return new Blob([new Uint8Array(png)], { type: 'image/png' });
}

const CONTENT: ListingContent = {
	kind: 'offer',
	title: 'Fahrräder reparieren',
	description: 'Ich flicke Schläuche.',
	category: DEFAULT_CATEGORIES[0]!.id,
	tags: ['fahrrad'],
	settlement: 'hours',
	priceCents: null,
	priceUnit: null,
	availability: 'samstags',
	blockId: null,
	photoId: null
};

/** A settled exchange in hours: `receiver` pays `provider` `minutes`. */
async function settledExchange(provider: Member, receiver: Member, minutes: number) {
	const proposed = ok(
		await exchanges.propose({
			actorId: receiver.id,
			quarterId: Q,
			memberId: provider.id,
			side: 'receiver',
			title: 'Hilfe beim Umzug',
			minutes,
			settlement: 'hours',
			origin: ORIGIN
		})
	);
	ok(await exchanges.move(provider.id, proposed.id, 'accept'));
	ok(await exchanges.move(provider.id, proposed.id, 'markDone'));
	ok(await exchanges.move(receiver.id, proposed.id, 'confirm'));
	return proposed.id;
}

/** A busy member: profile with phone, bio and photo, a listing with a photo, a conversation,
 * settled exchanges both ways, thanks, a report and a DSA notice with their name and address. */
async function busyMember(other: Member) {
	const me = await member('Quirina');
	const now = new Date();
	await exchanges.grantStartCredit(Q, me.id, 'system');
	const profile = await updateOwnProfile({
		quarterId: Q,
		userId: me.id,
		fields: {
			bio: me.bio,
			skills: [],
			languages: ['Deutsch'],
			talentDirectory: false,
			blockId: null,
			showEmail: true,
			phone: me.phone,
			messageNotification: 'never',
			showBalance: false
		},
		photo: { kind: 'new', file: await photoFile('#228833') },
		now
	});
	expect(profile.ok).toBe(true);
	const processed = await processPhoto(await photoFile('#aa3300'));
	if (!processed.ok) throw new Error(processed.error);
	const photoId = newId();
	await insertPhoto({
		id: photoId,
		ownerId: me.id,
		quarterId: Q,
		full: processed.photo.full,
		thumb: processed.photo.thumb,
		createdAt: now
	});
	const listing = await createListing({
		quarter,
		userId: me.id,
		membership: await findMembership(Q, me.id),
		content: { ...CONTENT, description: `Ruf an: ${me.phone}. ${me.name}`, photoId },
		submit: true,
		now
	});
	if (!listing.ok) throw new Error(listing.problem);

	const started = await messaging.start({
		senderId: other.id,
		target: { quarterId: Q, listingId: listing.listing.id },
		text: 'Hallo, ist das Angebot noch aktuell?',
		origin: ORIGIN,
		now
	});
	if (!started.ok) throw new Error(JSON.stringify(started));
	const reply = await messaging.send({
		conversationId: started.conversationId,
		senderId: me.id,
		text: `Ja! Schreib mir an ${me.email} oder ruf ${me.phone} an. Gruß, ${me.name}`,
		origin: ORIGIN,
		now
	});
	expect(reply.ok).toBe(true);

	const helped = await settledExchange(me, other, 120);
	const wasHelped = await settledExchange(other, me, 30);
	expect((await exchanges.leaveThanks(other.id, helped, 'Danke, das war super!')).ok).toBe(true);
	expect((await exchanges.leaveThanks(me.id, wasHelped, `Danke! ${me.name}`)).ok).toBe(true);
	await fileFlag(Q, 'member', other.id, me.id, 'spam', `Gemeldet von ${me.name}`, now);
	const filed = await notices.file(
		{
			location: `/q/${Q}/members/${other.id}`,
			explanation: `Drohung gegen mich, ${me.name}, Telefon ${me.phone}.`,
			name: me.name,
			email: me.email,
			locale: 'de',
			origin: ORIGIN,
			nonce: `nonce-${me.id}`
		},
		{ ip: '192.0.2.44', now }
	);
	if (!filed.ok) throw new Error(JSON.stringify(filed));
	return { me, helped, wasHelped, conversationId: started.conversationId, photoId };
}

/** Every string anywhere in the database that contains one of the needles. */
async function findStrings(needles: string[]): Promise<string[]> {
	const db = await getDb();
	const hits: string[] = [];
	const lowered = needles.map((n) => n.toLowerCase());
	const walk = (value: unknown, where: string) => {
		if (typeof value === 'string') {
			const v = value.toLowerCase();
			for (const n of lowered) if (v.includes(n)) hits.push(`${where}: ${value}`);
		} else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
		else if (value && typeof value === 'object' && !(value instanceof Date)) {
			if ((value as { _bsontype?: string })._bsontype) return;
			for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
		}
	};
	for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
		for await (const doc of db.collection<Document>(name).find({})) {
			walk(doc, `${name}/${String(doc._id)}`);
		}
	}
	return hits;
}

beforeAll(async () => {
	await insertQuarter(
		{
			id: Q,
			name: 'Löschquartier',
			city: 'Teststadt',
			description: '',
			categories: [...DEFAULT_CATEGORIES],
			settings: { ...DEFAULT_QUARTER_SETTINGS, listingPreModeration: false }
		},
		new Date()
	);
	quarter = (await findQuarter(Q))!;
});

describe('deleting a busy member', () => {
	it('removes their data everywhere, keeps the ledger sound, and shows the pseudonym', async () => {
		const other = await member('Otto');
		const { me, helped, conversationId, photoId } = await busyMember(other);
		const balanceBefore = await ledger.balanceOf(Q, memberAccount(me.id));
		const communityBefore = await ledger.balanceOf(Q, COMMUNITY);
		expect(balanceBefore).not.toBe(0);
		expect((await findStrings([me.email, me.name, me.phone, me.bio])).length).toBeGreaterThan(0);

		const started = performance.now();
		const result = await deleteAccount(
			{ userId: me.id, password: PASSWORD, now: new Date() },
			deps
		);
		const ms = performance.now() - started;
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		console.info(`deletion of a busy member: ${ms.toFixed(0)} ms`);

		// (b) nothing anywhere holds their address, name, phone or profile text.
		expect(await findStrings([me.email, me.name, me.phone, me.bio])).toEqual([]);
		// The ledger: their account is at zero, the community took the balance, all verifies.
		expect(await ledger.balanceOf(Q, memberAccount(me.id))).toBe(0);
		expect(await ledger.balanceOf(Q, COMMUNITY)).toBe(communityBefore + balanceBefore);
		const verified = await verifyLedgers();
		expect(verified.problems).toBe(0);
		// The account cannot log in, the address is free, the name is the pseudonym.
		expect(await findUserWithPasswordByEmail(me.email)).toBeNull();
		const pseudonym = `ehemaliges Mitglied ${result.n}`;
		expect((await findUserById(me.id))?.displayName).toBe(pseudonym);
		expect(await findMembership(Q, me.id)).toBeNull();
		// The other party's exchange, conversation and statement name the pseudonym.
		const view = await exchanges.get(other.id, helped);
		expect(view?.names[me.id]).toBe(pseudonym);
		expect(view?.state).toBe('settled');
		const conversation = await messaging.read({
			conversationId,
			userId: other.id,
			now: new Date()
		});
		if (!conversation) throw new Error('conversation not readable');
		const texts = conversation.messages.map((msg) => [msg.senderId === me.id, msg.erased ?? false]);
		expect(texts).toEqual([
			[false, false],
			[true, true]
		]);
		expect(conversation.other.name).toBe(pseudonym);
		expect(conversation.canWrite).toBe(false);
		const toNobody = await messaging.send({
			conversationId,
			senderId: other.id,
			text: 'Bist du noch da?',
			origin: ORIGIN,
			now: new Date()
		});
		expect(toNobody).toEqual({ ok: false, problem: 'not_allowed' });
		const statement = await new TimeAccounts(ledger).view(
			quarter,
			memberAccount(other.id),
			{},
			'de'
		);
		expect(statement.rows.some((row) => row.counterpartyName === pseudonym)).toBe(true);
		// Listing closed, photo gone; the management's log has the number and no name.
		const listings = await findVisibleListing(Q, (await listingIdOf(me.id))!, {
			id: other.id,
			moderator: true
		});
		expect(listings?.state).toBe('closed');
		expect(
			await (await getDb()).collection('photos').countDocuments({ _id: photoId as never })
		).toBe(0);
		expect(await deletionLog(Q)).toEqual([
			expect.objectContaining({ n: result.n, completedAt: expect.any(Date) })
		]);
		const audit = await listAudit(Q, { offset: 0, limit: 50 });
		expect(audit.entries.some((e) => e.action === 'member.deleted' && e.reason === '')).toBe(true);
	}, 60_000);
});

async function listingIdOf(userId: string): Promise<string | null> {
	const db = await getDb();
	const doc = await db.collection('listing_revisions').findOne({ 'listing.authorId': userId });
	return (doc?.listingId as string | undefined) ?? null;
}

describe('what stops or repeats a deletion', () => {
	it('is blocked by an open exchange, with the exchange named', async () => {
		const a = await member('Berta');
		const b = await member('Carl');
		const proposed = ok(
			await exchanges.propose({
				actorId: a.id,
				quarterId: Q,
				memberId: b.id,
				side: 'receiver',
				title: 'Regal aufbauen',
				minutes: 60,
				settlement: 'hours',
				origin: ORIGIN
			})
		);
		const result = await deleteAccount({ userId: a.id, password: PASSWORD, now: new Date() }, deps);
		expect(result).toEqual({
			ok: false,
			problem: 'blocked',
			blockers: [
				{ kind: 'open_exchange', exchangeId: proposed.id, quarterId: Q, title: 'Regal aufbauen' }
			]
		});
		expect(await findDeletion(a.id)).toBeNull();
		expect((await deletionPreview(a.id, deps)).blockers).toHaveLength(1);
	});

	it('refuses a wrong password and changes nothing', async () => {
		const a = await member('Dora');
		const result = await deleteAccount({ userId: a.id, password: 'falsch', now: new Date() }, deps);
		expect(result).toEqual({ ok: false, problem: 'wrong_password' });
		expect(await findDeletion(a.id)).toBeNull();
		expect((await findUserById(a.id))?.displayName).toBe(a.name);
	});

	it('deletes once when sent twice at the same time: one number, one closing transfer', async () => {
		const a = await member('Emil');
		await exchanges.grantStartCredit(Q, a.id, 'system');
		const now = new Date();
		const [first, second] = await Promise.all([
			deleteAccount({ userId: a.id, password: PASSWORD, now }, deps),
			deleteAccount({ userId: a.id, password: PASSWORD, now }, deps)
		]);
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		expect(first.n).toBe(second.n);
		const closings = (await ledger.entries(Q)).filter((e) => e.key === `account-deleted:${a.id}`);
		expect(closings).toHaveLength(1);
		// A third submit after the end: the account is gone, the same deletion is answered.
		expect(await deleteAccount({ userId: a.id, password: PASSWORD, now }, deps)).toEqual({
			ok: true,
			n: first.n
		});
		expect((await verifyLedgers()).problems).toBe(0);
	});

	it('gives two people deleting at once two numbers', async () => {
		const [a, b] = [await member('Fritz'), await member('Gerda')];
		const now = new Date();
		const [x, y] = await Promise.all([
			claimDeletion(a.id, [Q], now),
			claimDeletion(b.id, [Q], now)
		]);
		expect(x.record.n).not.toBe(y.record.n);
		await Promise.all([runDeletion(x.record, now, deps), runDeletion(y.record, now, deps)]);
	});

	it('is finished by the maintenance job after stopping half-way', async () => {
		const a = await member('Hanna');
		await exchanges.grantStartCredit(Q, a.id, 'system');
		const then = new Date(Date.now() - 5 * 60_000);
		const { record } = await claimDeletion(a.id, [Q], then);
		await runDeletion(record, then, deps, { stopAfter: 'sessions' });
		expect((await findDeletion(a.id))?.completedAt).toBeNull();
		expect((await findUserById(a.id))?.displayName).toBe(a.name);

		const { finished } = await finishDeletions(new Date(), deps);
		expect(finished).toBeGreaterThanOrEqual(1);
		expect((await findDeletion(a.id))?.completedAt).toBeInstanceOf(Date);
		expect((await findUserById(a.id))?.displayName).toBe(`ehemaliges Mitglied ${record.n}`);
		expect(await ledger.balanceOf(Q, memberAccount(a.id))).toBe(0);
		expect(await findStrings([a.email, a.name])).toEqual([]);
		// Nothing left to finish.
		expect((await finishDeletions(new Date(), deps)).finished).toBe(0);
	}, 60_000);
});
