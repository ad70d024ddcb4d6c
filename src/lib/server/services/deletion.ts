// Deleting one's account (Art. 17 GDPR), on insert-only logs and a database without
// transactions (docs/legal.md, "Löschen mit Einfüge-Logs"). A deletion is claimed by one insert
// under the person's id that also takes the pseudonym's number; then idempotent steps overwrite
// or delete the person's data collection by collection, and the completion is recorded. A
// deletion that stopped half-way (a crash, a restart) is finished by the maintenance job, which
// simply runs every step again.
import { isFinalState } from '../../domain/exchanges/exchange';
import { SYSTEM } from '../../domain/exchanges/workflow';
import { COMMUNITY, memberAccount } from '../../domain/ledger/ledger';
import {
	closingKey,
	closingTransfer,
	deletionBlockers,
	DELETION_STEPS,
	needlePattern,
	needlesOf,
	type DeletionBlocker,
	type DeletionStep
} from '../../domain/members/deletion';
import * as m from '../../paraglide/messages';
import { verifyPassword } from '../auth/password';
import { forgetAll } from '../logs';
import { logger } from '../logger.js';
import { appendAudit } from '../repos/audit';
import {
	appendRedaction,
	claimDeletion,
	findDeletion,
	listDeletions,
	markDeletionDone,
	redactionAt,
	redactionHead,
	type DeletionRecord
} from '../repos/deletions';
import { holdSellerData } from './dac7';
import {
	deleteMemberData,
	deletePhotos,
	deleteTokensOf,
	eraseListingRevisions,
	eraseMessagesOf,
	eraseRecordsOf,
	eraseUser,
	listingsAndPhotosOf,
	sweep
} from '../repos/erasure';
import { latestTraderIdentities } from '../repos/legal';
import { findProfile } from '../repos/profiles';
import { findQuarter, listQuarterIds } from '../repos/quarters';
import { deleteSessionsOfUser } from '../repos/sessions';
import { deleteAllSnapshots } from '../repos/snapshots';
import { findPasswordHash, findUserById } from '../repos/users';
import { listMembershipsOfUser } from '../repos/memberships';
import { exchanges as appExchanges, ledgerLimits, type ExchangeService } from './exchanges';
import { ledger as appLedger, type LedgerBook } from './ledger';
import { closeErasedListings } from './listings';

export type { DeletionBlocker, DeletionRecord, DeletionStep };

/** The pseudonym as stored (names in stored texts are German, the installation's language). */
function storedPseudonym(n: number): string {
	return m.account_deletion_pseudonym({ n }, { locale: 'de' });
}

/** One app server's deletions: its exchanges and ledger book (tests make their own). */
export interface DeletionDeps {
	exchanges?: ExchangeService;
	ledger?: LedgerBook;
}

/** What deleting would do now: what blocks it, and the balance per quarter that moves. */
export interface DeletionPreview {
	blockers: DeletionBlocker[];
	balances: { quarterId: string; quarterName: string; minutes: number }[];
}

export async function deletionPreview(
	userId: string,
	deps: DeletionDeps = {}
): Promise<DeletionPreview> {
	const exchanges = deps.exchanges ?? appExchanges;
	const book = deps.ledger ?? appLedger;
	const [summaries, memberships] = await Promise.all([
		exchanges.listOf(userId),
		listMembershipsOfUser(userId, await listQuarterIds())
	]);
	const blockers = deletionBlockers(
		summaries.map((s) => ({
			id: s.id,
			quarterId: s.quarterId,
			title: s.title,
			final: isFinalState(s.state),
			settlement: s.settlement
		}))
	);
	const balances = await Promise.all(
		memberships.map(async (ms) => ({
			quarterId: ms.quarterId,
			quarterName: (await findQuarter(ms.quarterId))?.name ?? ms.quarterId,
			minutes: await book.balanceOf(ms.quarterId, memberAccount(userId))
		}))
	);
	return { blockers, balances };
}

export type DeletionResult =
	| { ok: true; n: number }
	| { ok: false; problem: 'wrong_password' }
	| { ok: false; problem: 'blocked'; blockers: DeletionBlocker[] };

/**
 * Deletes the account after checking the password and that nothing blocks it. A second submit
 * while the first still runs (or after it stopped) resumes the same deletion: the claim is
 * found, and every step may run again.
 */
export async function deleteAccount(
	input: { userId: string; password: string; now: Date },
	deps: DeletionDeps = {}
): Promise<DeletionResult> {
	const { userId, password, now } = input;
	const existing = await findDeletion(userId);
	if (!existing) {
		const hash = await findPasswordHash(userId);
		if (!hash || !(await verifyPassword(hash, password))) {
			return { ok: false, problem: 'wrong_password' };
		}
		const { blockers } = await deletionPreview(userId, deps);
		if (blockers.length > 0) return { ok: false, problem: 'blocked', blockers };
	}
	const quarterIds = (await listMembershipsOfUser(userId, await listQuarterIds())).map(
		(ms) => ms.quarterId
	);
	const { record } = await claimDeletion(userId, quarterIds, now);
	await runDeletion(record, now, deps);
	return { ok: true, n: record.n };
}

/** The person's strings to look for in other documents, read before the steps erase them. */
interface Needles {
	email: string | null;
	everywhere: RegExp | null;
	related: RegExp | null;
}

async function needlesFor(record: DeletionRecord): Promise<Needles> {
	const user = await findUserById(record.userId);
	const email = user && !user.deleted ? user.email : null;
	const profiles = await Promise.all(record.quarterIds.map((q) => findProfile(q, record.userId)));
	const trader = (await latestTraderIdentities([record.userId])).get(record.userId);
	const phones = [...profiles.map((p) => p?.phone), trader?.phone];
	const name = user && !user.deleted ? user.displayName : null;
	return {
		email,
		everywhere: needlePattern(needlesOf([email, trader?.email, ...phones])),
		related: needlePattern(
			needlesOf([name, trader?.legalName, trader?.address, ...profiles.map((p) => p?.bio)])
		)
	};
}

/**
 * Runs the steps of a claimed deletion, all of them or up to `stopAfter` (the crash test), and
 * records the completion. What to look for is read from the account and profiles first; the
 * steps that need it run before those are erased (domain DELETION_STEPS).
 */
export async function runDeletion(
	record: DeletionRecord,
	now: Date,
	deps: DeletionDeps = {},
	options: { stopAfter?: DeletionStep } = {}
): Promise<void> {
	const book = deps.ledger ?? appLedger;
	const userId = record.userId;
	const pseudonym = storedPseudonym(record.n);
	const needles = await needlesFor(record);
	for (const step of DELETION_STEPS) {
		switch (step) {
			case 'account':
				await eraseUser(userId, record.n, pseudonym);
				break;
			case 'sessions':
				await deleteSessionsOfUser(userId);
				await deleteTokensOf(userId);
				break;
			case 'ledger':
				for (const quarterId of record.quarterIds)
					await closeTimeAccount(book, quarterId, userId, now);
				break;
			case 'listings': {
				const { listingIds, photoIds } = await listingsAndPhotosOf(userId);
				await closeErasedListings(
					listingIds,
					m.account_deletion_erased_title({}, { locale: 'de' }),
					now
				);
				await eraseListingRevisions(userId, m.account_deletion_erased_title({}, { locale: 'de' }));
				const profilePhotos = (
					await Promise.all(record.quarterIds.map((q) => findProfile(q, userId)))
				).flatMap((p) => (p?.photoId ? [p.photoId] : []));
				await deletePhotos([...photoIds, ...profilePhotos]);
				break;
			}
			case 'messages':
				await eraseMessagesOf(userId);
				break;
			case 'profile':
				// PStTG seller data is kept for the legal period first (services/dac7.ts).
				await holdSellerData(userId, record.requestedAt);
				await deleteMemberData(userId, record.quarterIds);
				break;
			case 'records':
				await eraseRecordsOf(userId, needles.email);
				for (const quarterId of record.quarterIds) {
					await appendAudit({
						id: `member-deleted:${quarterId}:${userId}`,
						quarterId,
						at: record.requestedAt,
						actorId: userId,
						action: 'member.deleted',
						target: { type: 'member', id: userId },
						reason: '',
						details: { pseudonym: record.n }
					});
				}
				break;
			case 'sweep': {
				const result = await sweep(
					{ userId, email: needles.email },
					needles.everywhere,
					needles.related,
					pseudonym
				);
				logger.info({ deletion: record.n, ...result }, 'Deletion: sweep done');
				break;
			}
			case 'caches':
				forgetAll(now);
				await deleteAllSnapshots();
				knownRedaction = await appendRedaction(now, knownRedaction);
				break;
		}
		if (options.stopAfter === step) return;
	}
	await markDeletionDone(userId, now);
}

/** Moves the member's balance to (or, when negative, from) the community account, once. */
async function closeTimeAccount(
	book: LedgerBook,
	quarterId: string,
	userId: string,
	now: Date
): Promise<void> {
	const quarter = await findQuarter(quarterId);
	if (!quarter) return;
	const account = memberAccount(userId);
	const transfer = closingTransfer(await book.balanceOf(quarterId, account));
	if (!transfer) return;
	const toCommunity = transfer.direction === 'to-community';
	const result = await book.transfer(
		quarterId,
		{
			from: toCommunity ? account : COMMUNITY,
			to: toCommunity ? COMMUNITY : account,
			minutes: transfer.minutes,
			kind: 'closure',
			key: closingKey(userId),
			memo: m.account_deletion_ledger_memo({}, { locale: 'de' })
		},
		{ by: SYSTEM, now, limits: ledgerLimits(quarter) }
	);
	if (!result.ok) throw new Error(`Closing transfer refused: ${JSON.stringify(result.problem)}`);
}

/**
 * Finishes deletions that stopped half-way (the maintenance job). A deletion claimed a moment
 * ago is probably still running in its request: it is left for the next run.
 */
export async function finishDeletions(
	now: Date,
	deps: DeletionDeps = {},
	graceMs = 60_000
): Promise<{ finished: number }> {
	let finished = 0;
	for (const record of await listDeletions()) {
		if (record.completedAt) continue;
		if (now.getTime() - record.requestedAt.getTime() < graceMs) continue;
		await runDeletion(record, now, deps);
		finished++;
	}
	return { finished };
}

/** The newest erasure this server has reloaded its read models for. */
let knownRedaction = 0;

/** Follows the log of erasures (a job on every server): a new one makes this server forget
 * every read model, so no erased text is served from memory. */
export async function followRedactions(): Promise<{ reloaded: boolean }> {
	const head = await redactionHead(knownRedaction);
	if (head === knownRedaction) return { reloaded: false };
	const at = await redactionAt(head);
	knownRedaction = head;
	forgetAll(at ?? new Date());
	return { reloaded: true };
}

/** The quarter management's log of deletions: numbers and dates, no names. */
export async function deletionLog(
	quarterId: string
): Promise<{ n: number; requestedAt: Date; completedAt: Date | null }[]> {
	return (await listDeletions())
		.filter((d) => d.quarterIds.includes(quarterId))
		.map(({ n, requestedAt, completedAt }) => ({ n, requestedAt, completedAt }));
}
