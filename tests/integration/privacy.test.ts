// The data download (Art. 15, 20 GDPR) against the real FerretDB: the demo world is built
// through the real services (npm run seed's code), a busy demo business gets a session and a
// report of their own, and then (a) every collection of the database in which any document
// names the person is in the personal-data registry and covered by the download, and (b) the
// download holds their listings, messages, exchanges and ledger entries, without secrets.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/seed';
import { getDb } from '../../src/lib/server/db';
import { createSession } from '../../src/lib/server/auth/sessions';
import { listCollectionNames } from '../../src/lib/server/repos/privacy';
import { findUserWithPasswordByEmail } from '../../src/lib/server/repos/users';
import { NO_PERSON_COLLECTIONS, registryEntry } from '../../src/lib/server/privacy/registry';
import { fileFlag } from '../../src/lib/server/services/moderation';
import {
	collectPersonalData,
	downloadPersonalData,
	zipPersonalData,
	type PersonalData
} from '../../src/lib/server/services/privacy';

const BUSY = 'eckbank@nordstadt.example';
let userId = '';
let email = '';
let data: PersonalData;
let photos: Map<string, Uint8Array>;
let collectMs = 0;

beforeAll(async () => {
	await seed(() => {});
	const user = await findUserWithPasswordByEmail(BUSY);
	if (!user) throw new Error('the demo business is missing');
	userId = user.id;
	email = user.email;
	const now = new Date();
	await createSession(userId, now);
	await fileFlag('nordstadt', 'member', 'someone-else', userId, 'spam', 'Mein Hinweis', now);
	const started = performance.now();
	const collected = await collectPersonalData(userId, now);
	collectMs = performance.now() - started;
	data = collected!.data;
	photos = collected!.photos;
}, 120_000);

/** Every collection in which some document contains the text (an id or an address). */
async function collectionsNaming(text: string): Promise<Map<string, number>> {
	const db = await getDb();
	const found = new Map<string, number>();
	for (const name of await listCollectionNames()) {
		const docs = await db.collection(name).find({}).toArray();
		const n = docs.filter((doc) => JSON.stringify(doc).includes(text)).length;
		if (n > 0) found.set(name, n);
	}
	return found;
}

describe('data download', () => {
	it('covers every collection in which a document names the person', async () => {
		const naming = new Map([
			...(await collectionsNaming(userId)),
			...(await collectionsNaming(email))
		]);
		expect(naming.size).toBeGreaterThan(10);
		const noPerson = new Set(NO_PERSON_COLLECTIONS.map((c) => c.name));
		for (const name of naming.keys()) {
			expect(registryEntry(name), `${name} is not in the registry`).toBeDefined();
			expect(noPerson.has(name), `${name} is listed as holding no person data`).toBe(false);
			const covered = name in data.collections || name in data.leftOut;
			expect(covered, `${name} is neither in the download nor left out with a reason`).toBe(true);
		}
		// Every collection the registry exports that names the person has documents in the download.
		const missing = [...naming.keys()].filter(
			(name) =>
				name in data.collections &&
				data.collections[name]!.length === 0 &&
				!['flags', 'flag_resolutions', 'notice_log', 'ledger', 'audit'].includes(name)
		);
		expect(missing).toEqual([]);
	});

	it('holds their listings, messages of both parties, exchanges and ledger entries', () => {
		const c = data.collections;
		const listings = c.listing_revisions!.filter(
			(r) => (r.listing as { authorId: string }).authorId === userId
		);
		expect(listings.length).toBeGreaterThan(0);
		const messages = c.chat_messages!;
		expect(messages.some((m) => m.senderId === userId)).toBe(true);
		expect(messages.some((m) => m.senderId !== userId)).toBe(true);
		expect(c.conversations!.length).toBeGreaterThan(0);
		expect(c.exchange_events!.length).toBeGreaterThan(0);
		expect(c.exchange_events!.some((e) => e.n === 1)).toBe(true);
		const account = `member:${userId}`;
		const ledger = c.ledger!;
		expect(ledger.length).toBeGreaterThan(0);
		expect(ledger.every((e) => e.from === account || e.to === account)).toBe(true);
		expect(c.memberships!.length).toBeGreaterThan(0);
		expect(c.rules_acceptances!.length).toBeGreaterThan(0);
		expect(c.trader_identities!.length).toBeGreaterThan(0);
		expect(c.sessions!.length).toBeGreaterThan(0);
		expect(c.flags!.some((f) => f.note === 'Mein Hinweis')).toBe(true);
		expect(c.users![0]!.email).toBe(email);
	});

	it('leaves out the password hash and the token hashes', () => {
		const json = JSON.stringify(data);
		expect(json).not.toContain('passwordHash');
		expect(json).not.toContain('$argon2');
		for (const session of data.collections.sessions!) expect(session._id).toBeUndefined();
	});

	it('zips a JSON file, a readable page in their language and their photos', () => {
		const files = unzipSync(zipPersonalData(data, photos, 'de'));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['data.json', 'data.html']));
		const parsed = JSON.parse(strFromU8(files['data.json']!)) as PersonalData;
		expect(parsed.person.id).toBe(userId);
		const html = strFromU8(files['data.html']!);
		expect(html).toContain('<html lang="de">');
		expect(html).toContain('Deine Daten bei Quartiermarkt');
		expect(html).not.toMatch(/<script|<link|src="http/);
		console.log(
			`data download of a busy demo business: ${Object.values(data.collections).reduce(
				(n, d) => n + d.length,
				0
			)} records, collected in ${Math.round(collectMs)} ms`
		);
		expect(collectMs).toBeLessThan(5_000);
	});

	it('is limited to five an hour per person and audited', async () => {
		const now = new Date();
		const results = [];
		for (let i = 0; i < 6; i++) results.push(await downloadPersonalData(userId, 'de', now));
		expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
		expect(results[5]).toMatchObject({ ok: false, reason: 'rate_limited' });
		const audit = await (
			await getDb()
		)
			.collection('audit')
			.find({ action: 'member.dataExport', actorId: userId })
			.toArray();
		expect(audit.length).toBeGreaterThanOrEqual(5);
	});
});
