// The demo quarter's marketplace: blocks (street sections), about 150 listings, profiles, a few
// conversations and one open report. Runs after the people exist; what exists is left alone.
import { emptyProfile } from '../src/lib/domain/members/profile';
import { SYSTEM, expiryFrom, type Listing } from '../src/lib/domain/listings/listing';
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { newId } from '../src/lib/server/ids';
import { findMembership } from '../src/lib/server/repos/memberships';
import { findProfile, saveProfile } from '../src/lib/server/repos/profiles';
import { findQuarter, replaceBlocks, type Quarter } from '../src/lib/server/services/quarters';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { listingBook } from '../src/lib/server/services/listing-book';
import { listingPolicy, searchFields } from '../src/lib/server/services/listings';
import { messaging } from '../src/lib/server/services/messaging';
import { fileFlag } from '../src/lib/server/services/moderation';
import {
	LINDENHOF_BLOCKS,
	NORDSTADT_BLOCKS,
	SEED_CONVERSATIONS,
	SEED_FLAG,
	SEED_LISTINGS,
	SEED_PROFILES,
	type SeedListing
} from './seed-data/marketplace';

const DAY = 24 * 60 * 60 * 1000;

async function userId(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

async function quarterWithBlocks(id: string, blocks: Quarter['blocks']): Promise<Quarter> {
	let quarter = await findQuarter(id);
	if (!quarter) throw new Error(`Quarter ${id} is missing.`);
	if (quarter.blocks.length === 0) {
		// Through the admin area's service (audited as the system), with the seed's own block ids.
		const result = await replaceBlocks(id, blocks, SYSTEM, new Date());
		if (!result.ok)
			throw new Error(`The seed's blocks of ${id} are invalid: ${JSON.stringify(result)}`);
		quarter = { ...quarter, blocks: result.blocks };
	}
	return quarter;
}

function toListing(
	seed: SeedListing,
	quarter: Quarter,
	authorId: string,
	commercial: boolean,
	now: Date
): Listing {
	const createdAt = new Date(
		now.getTime() - seed.daysAgo * DAY - (seed.title.length % 24) * 3600_000
	);
	const shown = seed.state === 'published' || seed.state === 'paused';
	return {
		id: newId(),
		quarterId: quarter.id,
		authorId,
		commercial,
		kind: seed.kind,
		title: seed.title,
		description: seed.description,
		category: seed.category,
		tags: seed.tags,
		settlement: seed.settlement,
		priceCents: seed.priceCents,
		priceUnit: seed.priceUnit,
		availability: seed.availability,
		blockId: seed.block,
		photoId: null,
		state: seed.state,
		needsReview: seed.state === 'pending',
		moderation: null,
		createdAt,
		updatedAt: createdAt,
		publishedAt: shown ? createdAt : null,
		expiresAt: shown ? expiryFrom(createdAt, listingPolicy(quarter)) : null,
		revision: 1
	};
}

export async function seedMarketplace(
	log: (line: string) => void
): Promise<{ listings: number; profiles: number }> {
	const now = new Date();
	const nordstadt = await quarterWithBlocks('nordstadt', NORDSTADT_BLOCKS);
	await quarterWithBlocks('lindenhof', LINDENHOF_BLOCKS);

	let profiles = 0;
	for (const seed of SEED_PROFILES) {
		const id = await userId(seed.member);
		if (await findProfile(nordstadt.id, id)) continue;
		await saveProfile({
			...emptyProfile(nordstadt.id, id, now),
			bio: seed.bio,
			skills: seed.skills,
			languages: seed.languages,
			talentDirectory: seed.talentDirectory,
			blockId: seed.block,
			showEmail: seed.showEmail,
			phone: seed.phone
		});
		profiles++;
	}
	log(`  profiles: ${profiles} created`);

	const existing = await listingBook.filter((l) => l.quarterId === nordstadt.id);
	if (existing.length > 0) {
		log(`  listings: ${existing.length} already there`);
		return { listings: 0, profiles };
	}
	const ids = new Map<string, { id: string; business: boolean }>();
	for (const email of new Set(SEED_LISTINGS.map((l) => l.author))) {
		const id = await userId(email);
		const membership = await findMembership(nordstadt.id, id);
		ids.set(email, { id, business: membership?.role === 'business' });
	}
	const items = SEED_LISTINGS.map((seed) => {
		const author = ids.get(seed.author)!;
		const listing = toListing(seed, nordstadt, author.id, author.business, now);
		return { listing, search: searchFields(listing, nordstadt), by: author.id };
	});
	await listingBook.importNew(items, now);
	log(`  listings: ${items.length} created`);

	const flagged = items.find((i) => i.listing.title === SEED_FLAG.listingTitle);
	if (flagged) {
		await fileFlag(
			nordstadt.id,
			'listing',
			flagged.listing.id,
			await userId(SEED_FLAG.reporter),
			SEED_FLAG.reason,
			SEED_FLAG.note,
			now
		);
		log('  one open report for the quarter management');
	}

	// Conversations about listings, written as the two people would, at their times.
	const origin = process.env.ORIGIN ?? 'http://localhost:3000';
	let messages = 0;
	for (const seed of SEED_CONVERSATIONS) {
		const item = items.find((i) => i.listing.title === seed.listingTitle);
		if (!item) throw new Error(`Seed conversation names a missing listing: ${seed.listingTitle}`);
		const contactId = await userId(seed.contact);
		const target = { quarterId: nordstadt.id, listingId: item.listing.id };
		let conversationId: string | null = null;
		for (const message of seed.messages) {
			const at = new Date(now.getTime() - message.minutesAgo * 60_000);
			const senderId = message.from === 'contact' ? contactId : item.listing.authorId;
			const result: { ok: true; conversationId: string } | { ok: false; problem: string } =
				conversationId
					? await messaging.send({ conversationId, senderId, text: message.text, origin, now: at })
					: await messaging.start({ senderId, target, text: message.text, origin, now: at });
			if (!result.ok) throw new Error(`Seed message refused (${result.problem}): ${message.text}`);
			conversationId = result.conversationId;
			messages++;
		}
	}
	log(`  conversations: ${SEED_CONVERSATIONS.length} with ${messages} messages`);
	return { listings: items.length, profiles };
}
