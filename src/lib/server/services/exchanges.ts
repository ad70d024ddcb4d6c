// Exchanges (Tausch): proposing, the moves of both parties and the quarter management, settling
// hours exactly once through the ledger, the auto-settle job, thank-you notes, start credits and
// the notifications about all of it.
//
// An exchange is an insert-only log of events (domain/exchanges/log.ts), `_id`
// `<exchangeId>:<n>`. A move is decided on the fold of the events this server has, then stored
// as event n+1 without reading first; if another server (or a second click) took n+1, the insert
// fails with a duplicate key, the events are read again and the move is decided again, so an
// illegal move at the new state is refused. Events never change once stored, so each server
// keeps the logs it has read and only probes for the next number; a final exchange is never
// probed again.
//
// Settling (after confirm, by the job, or by a moderator) first stores a `settling` event that
// holds the exchange's place, then books the transfer with the exchange id as idempotency key,
// then stores the settling move with the ledger's sequence number. A server that dies between
// these steps leaves the `settling` event; the next call, page view or job run finishes it, and
// the ledger answers the second booking with the entry booked first. Over the limits, the place
// is given back (`settlementRefused`) and the exchange stays where it was.
//
// "My exchanges" and the quarter's exchanges are insert-only lists in `exchange_index`
// (`<userId>:<n>`, `quarter:<quarterId>:<n>`), written before event 1: readers skip an entry
// whose exchange does not exist (a proposer that died in between).
import { KeyedQueue } from '../keyed-queue';
import { randomBytes } from 'node:crypto';
import {
	alreadyMade,
	applyLogEvent,
	logEventOf,
	mayFinish,
	mayRetrySettlement,
	pendingRequest,
	runMove,
	settlementDraft,
	settlingEventOf,
	type ExchangeRecord,
	type LogEvent,
	type MoveRequest,
	type PendingSettlement
} from '../../domain/exchanges/log';
import { formatMinutes } from '../../domain/exchanges/minutes';
import { problemStatus, type ExchangeProblem } from '../../domain/exchanges/problems';
import { settlementFits, sidesDirect, sidesFromListing } from '../../domain/exchanges/proposal';
import { normalizeThanksText, thanksId, thanksProblem } from '../../domain/exchanges/thanks';
import {
	allowedMoves,
	awaitsCardPayment,
	paysEuros,
	autoSettleDue,
	autoSettleDueAt,
	isFinalState,
	notifyWhom,
	propose,
	sideOf,
	SYSTEM,
	type Actor,
	type Exchange,
	type ExchangeState,
	type Move,
	type PartyMove,
	type PersonMove,
	type Payment,
	type SettlementKind,
	type Side,
	type TimelineEvent,
	type Turn
} from '../../domain/exchanges/workflow';
import {
	checkTransfer,
	COMMUNITY,
	DEFAULT_COMMUNITY_LIMITS,
	memberAccount,
	type LedgerEntry,
	type LedgerLimits,
	type TransferProblem
} from '../../domain/ledger/ledger';
import { isPublic } from '../../domain/listings/listing';
import { isActiveMember, isManagement } from '../../domain/members/roles';
import { isDocId } from '../../domain/messages/conversation';
import * as m from '../../paraglide/messages';
import { localizeUrl } from '../../paraglide/runtime';
import { isDuplicateKeyError, type Locale } from '../db';
import { newId } from '../ids';
import { appendAudit } from '../repos/audit';
import {
	findExchangeEvent,
	findIndexEntry,
	findThanks,
	insertExchangeEvent,
	insertIndexEntry,
	insertThanks,
	listExchangeEventsOfQuarter,
	quarterList,
	type StoredEvent,
	type Thanks
} from '../repos/exchanges';
import { findMembership } from '../repos/memberships';
import { findQuarter, listQuarterIds, type Quarter } from '../repos/quarters';
import { findUserById } from '../repos/users';
import { ledger as appLedger, type LedgerBook } from './ledger';
import { findVisibleListing, listingActor } from './listings';
import { formatEuros } from '../../format';
import { feeBreakdown, type FeeBreakdown } from '../../domain/payments/fee';
import { payoutStatus } from '../payments/connect';
import { createCheckoutSession, createRefund } from '../payments/stripe';
import { sendMail } from './mail';
import { notifications as appNotifications, type Notifications } from './notifications';

export type { ExchangeProblem };
export { problemStatus };

/** Ids probed at once when a log or list is read cold: one round trip for most. */
const PROBE_BATCH = 8;
/** Tries to take the next number before giving up (each lost try means another writer won). */
const MAX_ATTEMPTS = 100;
const LOG_CACHE_SIZE = 20_000;
const LIST_CACHE_SIZE = 10_000;

export interface ExchangeView {
	id: string;
	quarterId: string;
	providerId: string;
	receiverId: string;
	proposedBy: Side;
	listingId: string | null;
	title: string;
	date: Date | null;
	minutes: number;
	settlement: SettlementKind;
	/** Euros only: the agreed price in cents. */
	amountCents: number | null;
	state: ExchangeState;
	turn: Turn;
	doneAt: Date | null;
	receiverMinutes: number | null;
	settledMinutes: number | null;
	payment: Payment | null;
	cashPaidBy: readonly Side[];
	refundedCents: number;
	timeline: readonly TimelineEvent[];
	/** Display names of both parties and of everyone in the timeline, by user id. */
	names: Record<string, string>;
	/** The viewer's side, or null for the quarter management. */
	viewerSide: Side | null;
	/** The buttons to show the viewer. Empty while the hours are being booked. */
	moves: readonly PersonMove[];
	/** Hours are being booked right now (a moment; the page may reload). */
	settling: boolean;
	/** The ledger entry that settled the exchange, when hours were booked. */
	ledgerSeq: number | null;
	/** Settlements the ledger refused (a balance would have left its limits). */
	refusals: ExchangeRecord['refusals'];
	/** When a `done` exchange settles by itself unless the receiver answers. */
	autoSettleAt: Date | null;
	lastAt: Date;
}

export interface ExchangeSummary {
	id: string;
	quarterId: string;
	title: string;
	state: ExchangeState;
	turn: Turn;
	minutes: number;
	settlement: SettlementKind;
	date: Date | null;
	/** Null in the quarter management's lists. */
	mySide: Side | null;
	providerId: string;
	receiverId: string;
	names: Record<string, string>;
	/** The exchange waits for this person's move. */
	waitingForMe: boolean;
	lastAt: Date;
}

/** A disputed exchange for the quarter management's list: what is at stake and who said why. */
export interface DisputeSummary extends ExchangeSummary {
	amountCents: number | null;
	/** The minutes the receiver confirmed, when they confirmed other hours. */
	receiverMinutes: number | null;
	/** The move that made it disputed (a party's dispute or confirmation of other hours). */
	disputed: { by: string; at: Date; reason: string | null } | null;
}

export type ExchangeResult =
	| {
			ok: true;
			exchange: ExchangeView;
			/** The same person had made this move already (a double click): nothing was stored. */
			repeated: boolean;
			/** Confirmed, but the ledger refused the hours: the exchange stays `confirmed`. */
			refused?: TransferProblem;
	  }
	| { ok: false; problem: ExchangeProblem; ledger?: TransferProblem };

export interface ProposeInput {
	actorId: string;
	quarterId: string;
	/** From a listing; the listing decides who provides and who receives. */
	listingId?: string;
	/** Or directly to a member of the quarter, with the proposer's side (default: receiver). */
	memberId?: string;
	side?: Side;
	/** Defaults to the listing's title. */
	title?: string;
	date?: Date | null;
	/** Whole quarter hours (domain/exchanges/minutes.ts); 0 only for free help. */
	minutes: number;
	settlement: SettlementKind;
	/** Euros only: the agreed price in cents. */
	amountCents?: number | null;
	/** The site's address as the request saw it, for the links in mails. */
	origin: string;
	now?: Date;
	/**
	 * The moderator who records the proposal for an assisted member (`actorId`); the caller has
	 * checked the member's consent (services/assisted.ts).
	 */
	recordedBy?: string;
}

/** Why the card is not offered for a euro exchange. */
export type CardProblem = 'not_configured' | 'seller_not_ready';

export interface PaymentOffer extends FeeBreakdown {
	card: 'available' | CardProblem;
}

export interface ThanksView {
	exchangeId: string;
	exchangeTitle: string;
	authorId: string;
	authorName: string;
	text: string;
	at: Date;
}

export type StartCreditResult =
	| { ok: true; entry: LedgerEntry; duplicate: boolean }
	| {
			ok: false;
			problem: 'not_found' | 'not_member' | 'disabled' | 'over_limit' | 'contention';
			ledger?: TransferProblem;
	  };

interface Loaded {
	id: string;
	quarterId: string;
	origin: string | null;
	record: ExchangeRecord;
}

type Written =
	| { ok: true; loaded: Loaded; event: StoredEvent | null; repeated?: boolean }
	| { ok: false; problem: ExchangeProblem; ledger?: TransferProblem };

type Decision = { write: LogEvent } | { answer: Written };

type SettleRequest = Extract<MoveRequest, { move: 'settle' | 'autoSettle' | 'moderatorSettle' }>;

/** The ledger limits of a quarter: its members' time-bank setting, the community's own. */
export function ledgerLimits(quarter: Quarter): LedgerLimits {
	return { member: quarter.settings.timeBank, community: DEFAULT_COMMUNITY_LIMITS };
}

/** A bounded map that forgets what it learned first. */
class Memo<V> {
	private map = new Map<string, V>();
	constructor(private readonly max: number) {}
	get(key: string): V | undefined {
		return this.map.get(key);
	}
	set(key: string, value: V): void {
		this.map.delete(key);
		this.map.set(key, value);
		if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
	}
}

/**
 * One app server's exchanges. A class so that tests can run two of them (with two ledger
 * books) against one database, as two servers would.
 */
export class ExchangeService {
	/** Names this server in `settling` events: it may finish its own at once, others wait. */
	readonly holder = randomBytes(6).toString('hex');
	private readonly ledger: LedgerBook;
	private readonly notifications: Notifications;
	/** False for the demo seed, which writes a year of history without mailing anyone. */
	private readonly mail: boolean;
	private logs = new Memo<Loaded>(LOG_CACHE_SIZE);
	/** Exchange ids by list entry number (index n-1). */
	private lists = new Memo<string[]>(LIST_CACHE_SIZE);
	private warmed = new Set<string>();
	private readonly queue = new KeyedQueue();

	constructor(deps: { ledger?: LedgerBook; notifications?: Notifications; mail?: boolean } = {}) {
		this.ledger = deps.ledger ?? appLedger;
		this.notifications = deps.notifications ?? appNotifications;
		this.mail = deps.mail ?? true;
	}

	// ---- reading the logs ----------------------------------------------------------------------

	private extend(current: Loaded | null, event: StoredEvent): Loaded {
		const step = applyLogEvent(current?.record ?? null, event);
		if (!step.ok) {
			throw new Error(`Exchange ${event.exchangeId}: event ${step.n} cannot follow (${step.why})`);
		}
		return {
			id: event.exchangeId,
			quarterId: current?.quarterId ?? event.quarterId,
			origin: current ? current.origin : (event.origin ?? null),
			record: step.record
		};
	}

	private keep(loaded: Loaded): Loaded {
		const known = this.logs.get(loaded.id);
		if (known && known.record.version >= loaded.record.version) return known;
		this.logs.set(loaded.id, loaded);
		return loaded;
	}

	/** The exchange as of its latest event, or null when it does not exist. */
	private async load(id: string): Promise<Loaded | null> {
		if (!isDocId(id)) return null;
		const known = this.logs.get(id) ?? null;
		// Nothing follows a final state: no need to ask the database.
		if (known && isFinalState(known.record.exchange.state) && !known.record.pending) return known;
		let current = known;
		let width = known ? 1 : PROBE_BATCH;
		for (;;) {
			const from = current?.record.version ?? 0;
			const batch = Array.from({ length: width }, (_, i) => from + 1 + i);
			const found = await Promise.all(batch.map((n) => findExchangeEvent(id, n)));
			let complete = true;
			for (const event of found) {
				if (!event) {
					complete = false;
					break;
				}
				current = this.extend(current, event);
			}
			if (!complete) break;
			width = PROBE_BATCH;
		}
		return current ? this.keep(current) : null;
	}

	/** Reads all events of a quarter at once, the first time this server needs all of them. */
	private async warm(quarterId: string): Promise<void> {
		if (this.warmed.has(quarterId)) return;
		const events = await listExchangeEventsOfQuarter(quarterId);
		const byExchange = new Map<string, StoredEvent[]>();
		for (const e of events) {
			const list = byExchange.get(e.exchangeId) ?? [];
			list.push(e);
			byExchange.set(e.exchangeId, list);
		}
		for (const [id, list] of byExchange) {
			list.sort((a, b) => a.n - b.n);
			let current: Loaded | null = null;
			for (const e of list) {
				if (e.n !== (current?.record.version ?? 0) + 1) break;
				current = this.extend(current, e);
			}
			if (current && current.id === id) this.keep(current);
		}
		this.warmed.add(quarterId);
	}

	/** A list's exchange ids, oldest entry first, without duplicates. */
	private async list(list: string): Promise<string[]> {
		const entries = this.lists.get(list) ?? [];
		const cold = this.lists.get(list) === undefined;
		this.lists.set(list, entries);
		let last = entries.length;
		let width = cold ? PROBE_BATCH : 1;
		for (;;) {
			const batch = Array.from({ length: width }, (_, i) => last + 1 + i);
			const found = await Promise.all(batch.map((n) => findIndexEntry(list, n)));
			const missing = found.indexOf(null);
			found.slice(0, missing === -1 ? width : missing).forEach((id, i) => {
				// Entries never change, so concurrent probes write the same id at the same index.
				entries[last + i] = id!;
			});
			last += missing === -1 ? width : missing;
			if (missing !== -1) break;
			width = PROBE_BATCH;
		}
		return [...new Set(entries)];
	}

	private addToList(list: string, exchangeId: string, quarterId: string, now: Date) {
		return this.queue.run(`list:${list}`, async () => {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				const ids = await this.list(list);
				if (ids.includes(exchangeId)) return;
				const entries = this.lists.get(list) ?? [];
				const n = entries.length + 1;
				try {
					await insertIndexEntry({ list, n, exchangeId, quarterId, at: now });
					entries[n - 1] = exchangeId;
					return;
				} catch (err) {
					if (!isDuplicateKeyError(err)) throw err;
				}
			}
			throw new Error(`exchange list ${list}: no free entry after ${MAX_ATTEMPTS} attempts`);
		});
	}

	// ---- writing -------------------------------------------------------------------------------

	/**
	 * Stores the event `decide` returns as the next number; on a lost race reads again and asks
	 * again. `decide` may run several times, so it must not have side effects.
	 */
	private async write(id: string, decide: (loaded: Loaded) => Decision): Promise<Written> {
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const loaded = await this.load(id);
			if (!loaded) return { ok: false, problem: 'not_found' };
			const decision = decide(loaded);
			if ('answer' in decision) return decision.answer;
			const event: StoredEvent = {
				...decision.write,
				exchangeId: id,
				quarterId: loaded.quarterId
			};
			try {
				await insertExchangeEvent(event);
			} catch (err) {
				if (isDuplicateKeyError(err)) continue;
				throw err;
			}
			return { ok: true, loaded: this.keep(this.extend(loaded, event)), event };
		}
		return { ok: false, problem: 'contention' };
	}

	// ---- proposing -----------------------------------------------------------------------------

	async propose(input: ProposeInput): Promise<ExchangeResult> {
		const now = input.now ?? new Date();
		const quarter = await findQuarter(input.quarterId);
		if (!quarter) return { ok: false, problem: 'not_found' };
		const membership = await findMembership(quarter.id, input.actorId);
		if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };

		let sides: { providerId: string; receiverId: string };
		let listingId: string | null = null;
		let title = input.title ?? '';
		if (input.listingId !== undefined) {
			if (!isDocId(input.listingId)) return { ok: false, problem: 'listing_unavailable' };
			const listing = await findVisibleListing(
				quarter.id,
				input.listingId,
				listingActor(input.actorId, membership)
			);
			if (!listing || !isPublic(listing)) return { ok: false, problem: 'listing_unavailable' };
			if (listing.authorId === input.actorId) return { ok: false, problem: 'same_member' };
			if (!settlementFits(input.settlement, listing.settlement)) {
				return { ok: false, problem: 'settlement_mismatch' };
			}
			sides = sidesFromListing(listing, input.actorId);
			listingId = listing.id;
			if (input.title === undefined) title = listing.title;
		} else if (input.memberId !== undefined && isDocId(input.memberId)) {
			if (input.memberId === input.actorId) return { ok: false, problem: 'same_member' };
			sides = sidesDirect(input.actorId, input.side ?? 'receiver', input.memberId);
		} else {
			return { ok: false, problem: 'member_unavailable' };
		}
		const otherId = sides.providerId === input.actorId ? sides.receiverId : sides.providerId;
		const [other, otherUser] = await Promise.all([
			findMembership(quarter.id, otherId),
			findUserById(otherId)
		]);
		if (!isActiveMember(other) || !otherUser) return { ok: false, problem: 'member_unavailable' };

		const proposal = {
			...sides,
			listingId,
			title: title.trim(),
			date: input.date ?? null,
			minutes: input.minutes,
			settlement: input.settlement,
			amountCents: paysEuros(input.settlement) ? (input.amountCents ?? null) : null
		};
		const proposed = propose(proposal, { id: input.actorId, moderator: false }, now);
		if (!proposed.ok) return { ok: false, problem: proposed.error };

		const id = newId();
		// Lists first: an exchange that exists is always in both parties' lists and the quarter's,
		// even when this server stops between the steps.
		for (const list of [sides.providerId, sides.receiverId, quarterList(quarter.id)]) {
			await this.addToList(list, id, quarter.id, now);
		}
		const event: StoredEvent = {
			...logEventOf(proposed.event, 1),
			...(input.recordedBy ? { recordedBy: input.recordedBy } : {}),
			proposal: { ...proposal, title: proposed.exchange.title },
			exchangeId: id,
			quarterId: quarter.id,
			origin: input.origin
		};
		await insertExchangeEvent(event);
		const loaded = this.keep(this.extend(null, event));
		await this.announce(loaded, event, now);
		return { ok: true, exchange: await this.view(loaded, input.actorId, false), repeated: false };
	}

	// ---- moves ---------------------------------------------------------------------------------

	/** A party's move: accept, decline, cancel, markDone, confirm (then settle), dispute. */
	async move(
		actorId: string,
		exchangeId: string,
		move: PartyMove,
		options: {
			minutes?: number;
			reason?: string;
			now?: Date;
			/** The moderator who records the move for an assisted member (`actorId`). */
			recordedBy?: string;
		} = {}
	): Promise<ExchangeResult> {
		const now = options.now ?? new Date();
		const request = partyRequest(move, options);
		const loaded = await this.load(exchangeId);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const membership = await findMembership(loaded.quarterId, actorId);
		const party = sideOf(loaded.record.exchange, actorId) !== null;
		if (!party && !isManagement(membership)) return { ok: false, problem: 'not_found' };
		if (!isActiveMember(membership)) return { ok: false, problem: 'not_member' };
		const actor: Actor = { id: actorId, moderator: isManagement(membership) };
		const quarter = await findQuarter(loaded.quarterId);
		if (!quarter) return { ok: false, problem: 'not_found' };

		return this.queue.run(exchangeId, async () => {
			await this.finishStale(exchangeId, now);
			// A confirm that the ledger would refuse is refused before anything is stored.
			if (move === 'confirm') {
				const problem = await this.precheck(exchangeId, quarter, (l) => {
					const confirmed = runMove(l.record.exchange, actor, request, now);
					return confirmed.ok ? runMove(confirmed.exchange, actor, { move: 'settle' }, now) : null;
				});
				if (problem) return { ok: false, problem: 'over_limit', ledger: problem };
			}
			const written = await this.write(exchangeId, (l) => {
				const moved = runMove(l.record.exchange, actor, request, now);
				if (!moved.ok) {
					const again =
						moved.error === 'already_done' ||
						(moved.error === 'wrong_state' && alreadyMade(l.record.exchange, actorId, move));
					if (again) {
						return { answer: { ok: true, loaded: l, event: null, repeated: true } };
					}
					return { answer: { ok: false, problem: moved.error } };
				}
				if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
				const recordedBy = options.recordedBy;
				return {
					write: {
						...logEventOf(moved.event, l.record.version + 1),
						...(recordedBy ? { recordedBy } : {})
					}
				};
			});
			if (!written.ok) return written;
			let current = written.loaded;
			let refused: TransferProblem | undefined;
			let announced = false;
			const exchange = current.record.exchange;
			// A confirmed euro exchange waits for its money; only hours and free help settle now.
			if (
				exchange.state === 'confirmed' &&
				!paysEuros(exchange.settlement) &&
				!current.record.pending
			) {
				const settled = await this.settleLocked(
					exchangeId,
					{ id: SYSTEM, moderator: false },
					{ move: 'settle' },
					quarter,
					now
				);
				if (settled.ok) {
					current = settled.loaded;
					// The settle event tells both parties; a separate mail about the confirm would only
					// say the same a second earlier.
					announced = settled.event !== null;
				} else if (settled.problem === 'over_limit') refused = settled.ledger;
			}
			if (written.event && !announced) await this.announce(written.loaded, written.event, now);
			return {
				ok: true,
				exchange: await this.view(current, actorId, actor.moderator),
				repeated: written.repeated ?? false,
				...(refused ? { refused } : {})
			};
		});
	}

	/** The quarter management ends a dispute with the minutes it found fair; audited. */
	async moderatorSettle(
		moderatorId: string,
		exchangeId: string,
		minutes: number,
		reason: string,
		now = new Date()
	): Promise<ExchangeResult> {
		const checked = await this.moderatorOf(moderatorId, exchangeId);
		if (!checked.ok) return checked;
		const { quarter, actor } = checked;
		return this.queue.run(exchangeId, async () => {
			await this.finishStale(exchangeId, now);
			const settled = await this.settleLocked(
				exchangeId,
				actor,
				{ move: 'moderatorSettle', minutes, reason },
				quarter,
				now
			);
			if (!settled.ok) return settled;
			return {
				ok: true,
				exchange: await this.view(settled.loaded, moderatorId, true),
				repeated: settled.repeated ?? false
			};
		});
	}

	/** The quarter management ends a dispute without booking anything; audited. */
	async moderatorCancel(
		moderatorId: string,
		exchangeId: string,
		reason: string,
		now = new Date()
	): Promise<ExchangeResult> {
		const checked = await this.moderatorOf(moderatorId, exchangeId);
		if (!checked.ok) return checked;
		const { actor } = checked;
		return this.queue.run(exchangeId, async () => {
			await this.finishStale(exchangeId, now);
			const request: MoveRequest = { move: 'moderatorCancel', reason };
			const written = await this.write(exchangeId, (l) => {
				const moved = runMove(l.record.exchange, actor, request, now);
				if (!moved.ok) {
					if (
						moved.error === 'wrong_state' &&
						alreadyMade(l.record.exchange, actor.id, 'moderatorCancel')
					) {
						return { answer: { ok: true, loaded: l, event: null, repeated: true } };
					}
					return { answer: { ok: false, problem: moved.error } };
				}
				if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
				return { write: logEventOf(moved.event, l.record.version + 1) };
			});
			if (!written.ok) return written;
			if (written.event) {
				await appendAudit({
					id: `exchange:${exchangeId}:${written.event.n}`,
					quarterId: written.loaded.quarterId,
					at: now,
					actorId: moderatorId,
					action: 'exchange.moderatorCancel',
					target: { type: 'exchange', id: exchangeId },
					reason: written.event.reason ?? '',
					details: { title: written.loaded.record.exchange.title, from: 'disputed' }
				});
				await this.announce(written.loaded, written.event, now);
			}
			return {
				ok: true,
				exchange: await this.view(written.loaded, moderatorId, true),
				repeated: written.repeated ?? false
			};
		});
	}

	private async moderatorOf(
		moderatorId: string,
		exchangeId: string
	): Promise<
		{ ok: true; quarter: Quarter; actor: Actor } | { ok: false; problem: ExchangeProblem }
	> {
		const loaded = await this.load(exchangeId);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const membership = await findMembership(loaded.quarterId, moderatorId);
		if (!isManagement(membership)) {
			// Parties learn they may not; everyone else does not learn the exchange exists.
			return sideOf(loaded.record.exchange, moderatorId)
				? { ok: false, problem: 'not_moderator' }
				: { ok: false, problem: 'not_found' };
		}
		const quarter = await findQuarter(loaded.quarterId);
		if (!quarter) return { ok: false, problem: 'not_found' };
		return { ok: true, quarter, actor: { id: moderatorId, moderator: true } };
	}

	// ---- settling ------------------------------------------------------------------------------

	/** Whether the ledger would refuse the transfer of the settled exchange `settle` returns. */
	private async precheck(
		exchangeId: string,
		quarter: Quarter,
		settle: (l: Loaded) => ReturnType<typeof runMove> | null
	): Promise<TransferProblem | null> {
		const loaded = await this.load(exchangeId);
		if (!loaded) return null;
		const settled = settle(loaded);
		if (!settled?.ok) return null; // the move itself is refused later, with its own reason
		const draft = settlementDraft(exchangeId, settled.exchange);
		if (!draft) return null;
		const balances = await this.ledger.balances(quarter.id);
		return checkTransfer(balances, draft, ledgerLimits(quarter));
	}

	/**
	 * Takes the exchange's place with a `settling` event, then books and records the settlement.
	 * Runs inside the exchange's queue.
	 */
	private async settleLocked(
		exchangeId: string,
		actor: Actor,
		request: SettleRequest,
		quarter: Quarter,
		now: Date
	): Promise<Written> {
		const problem = await this.precheck(exchangeId, quarter, (l) =>
			runMove(l.record.exchange, actor, request, now)
		);
		if (problem) return { ok: false, problem: 'over_limit', ledger: problem };
		const afterDays = request.move === 'autoSettle' ? request.afterDays : undefined;
		const placed = await this.write(exchangeId, (l) => {
			const moved = runMove(l.record.exchange, actor, request, now);
			if (!moved.ok) {
				if (
					moved.error === 'wrong_state' &&
					alreadyMade(l.record.exchange, actor.id, request.move)
				) {
					return { answer: { ok: true, loaded: l, event: null, repeated: true } };
				}
				return { answer: { ok: false, problem: moved.error } };
			}
			if (l.record.pending) return { answer: { ok: false, problem: 'busy' } };
			return {
				write: settlingEventOf(moved.event, l.record.version + 1, this.holder, afterDays)
			};
		});
		if (!placed.ok || !placed.event) return placed;
		return this.finish(exchangeId, quarter, now);
	}

	/**
	 * Finishes the pending settlement: books the transfer (a duplicate if it was booked before)
	 * and records the settling move, or gives the place back when the ledger refuses.
	 */
	private async finish(exchangeId: string, quarter: Quarter, now: Date): Promise<Written> {
		const loaded = await this.load(exchangeId);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const pending = loaded.record.pending;
		if (!pending) return { ok: true, loaded, event: null };
		if (!mayFinish(pending, this.holder, now)) return { ok: false, problem: 'busy' };
		// Never before the place was taken, whatever clock the caller has.
		if (now < pending.at) now = pending.at;
		const { actor, request } = pendingRequest(pending);
		const moved = runMove(loaded.record.exchange, actor, request, now);
		if (!moved.ok) {
			throw new Error(
				`Exchange ${exchangeId}: pending ${pending.move} no longer fits (${moved.error})`
			);
		}
		const draft = settlementDraft(exchangeId, moved.exchange);
		let ledgerSeq: number | undefined;
		if (draft) {
			const context = { by: pending.by, now, limits: ledgerLimits(quarter) };
			let booked = await this.ledger.transfer(quarter.id, draft, context);
			if (!booked.ok && booked.problem.code !== 'contention') {
				// A refusal is decided on this server's book, which may lag behind: catch up (another
				// server may have booked this very key) and ask once more before giving the place back.
				await this.ledger.balances(quarter.id);
				booked = await this.ledger.transfer(quarter.id, draft, context);
			}
			if (!booked.ok) {
				if (booked.problem.code === 'contention') return { ok: false, problem: 'contention' };
				const ledgerProblem = booked.problem;
				const released = await this.write(exchangeId, (l) =>
					l.record.pending?.n === pending.n
						? {
								write: {
									n: l.record.version + 1,
									move: 'settlementRefused',
									by: SYSTEM,
									at: now,
									problem: ledgerProblem.code
								}
							}
						: { answer: { ok: true, loaded: l, event: null } }
				);
				if (released.ok && released.event)
					await this.announce(released.loaded, released.event, now);
				return { ok: false, problem: 'over_limit', ledger: ledgerProblem };
			}
			if (booked.entry.minutes !== draft.minutes || booked.entry.from !== draft.from) {
				// Cannot happen while every settlement goes through its place holder; say so loudly.
				console.error(
					`Exchange ${exchangeId}: ledger entry ${booked.entry.seq} differs from the settlement`
				);
			}
			ledgerSeq = booked.entry.seq;
		}
		if (pending.move === 'moderatorSettle') {
			// Before the event: a settled exchange always has its audit entry, whoever finishes it.
			await appendAudit({
				id: `exchange:${exchangeId}:${pending.n}`,
				quarterId: quarter.id,
				at: pending.at,
				actorId: pending.by,
				action: 'exchange.moderatorSettle',
				target: { type: 'exchange', id: exchangeId },
				reason: pending.reason ?? '',
				details: {
					title: loaded.record.exchange.title,
					from: loaded.record.exchange.state,
					minutes: pending.minutes,
					proposedMinutes: loaded.record.exchange.minutes,
					receiverMinutes: loaded.record.exchange.receiverMinutes,
					ledgerSeq: ledgerSeq ?? null
				}
			});
		}
		const recorded = await this.write(exchangeId, (l) => {
			if (l.record.pending?.n !== pending.n)
				return { answer: { ok: true, loaded: l, event: null } };
			return {
				write: logEventOf(moved.event, l.record.version + 1, {
					...(pending.afterDays !== undefined ? { afterDays: pending.afterDays } : {}),
					...(ledgerSeq !== undefined ? { ledgerSeq } : {})
				})
			};
		});
		if (recorded.ok && recorded.event) await this.announce(recorded.loaded, recorded.event, now);
		return recorded;
	}

	/** Finishes a settlement another server left behind (it died, or is far too slow). */
	private async finishStale(exchangeId: string, now: Date): Promise<void> {
		const loaded = await this.load(exchangeId);
		const pending = loaded?.record.pending;
		if (!loaded || !pending || !mayFinish(pending, this.holder, now)) return;
		const quarter = await findQuarter(loaded.quarterId);
		if (quarter) await this.finish(exchangeId, quarter, now);
	}

	/**
	 * The job: settles `done` exchanges whose receiver stayed silent past the quarter's delay,
	 * books `confirmed` ones whose settlement did not go through, and finishes settlements a
	 * server left behind. Every app server may run it; each exchange settles once.
	 */
	async runAutoSettle(
		now = new Date()
	): Promise<{ settled: number; finished: number; refused: number }> {
		let settled = 0;
		let finished = 0;
		let refused = 0;
		for (const quarterId of await listQuarterIds()) {
			const quarter = await findQuarter(quarterId);
			if (!quarter) continue;
			await this.warm(quarterId);
			const days = quarter.settings.autoSettleAfterDays;
			for (const id of await this.list(quarterList(quarterId))) {
				const loaded = await this.load(id);
				if (!loaded) continue;
				const { record } = loaded;
				const { exchange, pending } = record;
				let kind: 'finish' | 'settle' | 'autoSettle' | null = null;
				if (pending) kind = mayFinish(pending, this.holder, now) ? 'finish' : null;
				else if (!mayRetrySettlement(record, now)) kind = null;
				else if (exchange.state === 'confirmed') kind = 'settle';
				else if (exchange.state === 'done' && autoSettleDue(exchange, now, days))
					kind = 'autoSettle';
				if (!kind) continue;
				try {
					const result = await this.queue.run(id, async () => {
						if (kind === 'finish') return this.finish(id, quarter, now);
						const system: Actor = { id: SYSTEM, moderator: false };
						const request: SettleRequest =
							kind === 'settle' ? { move: 'settle' } : { move: 'autoSettle', afterDays: days };
						return this.settleLocked(id, system, request, quarter, now);
					});
					if (result.ok && result.event) {
						if (kind === 'finish') finished++;
						else settled++;
					} else if (!result.ok && result.problem === 'over_limit') refused++;
				} catch (err) {
					// One broken exchange must not hold up the others.
					console.error(`Auto-settle of exchange ${id} failed:`, err);
				}
			}
		}
		return { settled, finished, refused };
	}

	// ---- reading -------------------------------------------------------------------------------

	/** The exchange for its two parties and the quarter management of its quarter; else null. */
	async get(viewerId: string, exchangeId: string, now = new Date()): Promise<ExchangeView | null> {
		let loaded = await this.load(exchangeId);
		if (!loaded) return null;
		const party = sideOf(loaded.record.exchange, viewerId) !== null;
		const membership = await findMembership(loaded.quarterId, viewerId);
		const moderator = isManagement(membership);
		if (!party && !moderator) return null;
		if (loaded.record.pending && mayFinish(loaded.record.pending, this.holder, now)) {
			await this.queue.run(exchangeId, () => this.finishStale(exchangeId, now));
			loaded = (await this.load(exchangeId)) ?? loaded;
		}
		return this.view(loaded, viewerId, moderator && isActiveMember(membership), membership);
	}

	/**
	 * The moves of a quarter's exchanges that the quarter management recorded for an assisted
	 * member: who made each (the member) and who recorded it, by exchange id (empty for an unknown
	 * one). The quarter is read once per server first, so a statement with a year of exchanges
	 * costs no query per row. For marks only: the caller shows them where the exchange may be shown.
	 */
	async recordedActs(
		quarterId: string,
		exchangeIds: readonly string[]
	): Promise<Map<string, { by: string; recordedBy: string }[]>> {
		await this.warm(quarterId);
		const loaded = await Promise.all(exchangeIds.map((id) => this.load(id)));
		return new Map(
			exchangeIds.map((id, i) => [
				id,
				(loaded[i]?.record.exchange.timeline ?? []).flatMap((t) =>
					t.recordedBy ? [{ by: t.by, recordedBy: t.recordedBy }] : []
				)
			])
		);
	}

	/** A person's exchanges in all quarters, latest activity first. */
	async listOf(userId: string): Promise<ExchangeSummary[]> {
		const ids = await this.list(userId);
		const loaded = (await Promise.all(ids.map((id) => this.load(id)))).filter(
			(l): l is Loaded => l !== null && sideOf(l.record.exchange, userId) !== null
		);
		return this.summaries(loaded, userId);
	}

	/** A quarter's disputed exchanges, oldest first: whoever waits longest is looked at first.
	 * Only for the quarter management (the page guards). */
	async listDisputed(quarterId: string): Promise<DisputeSummary[]> {
		const disputed = await this.disputed(quarterId);
		const records = new Map(disputed.map((l) => [l.id, l.record.exchange]));
		return (await this.summaries(disputed, null)).reverse().map((summary) => {
			const e = records.get(summary.id)!;
			const opened = e.timeline.findLast((t) => t.toState === 'disputed') ?? null;
			return {
				...summary,
				amountCents: e.amountCents,
				receiverMinutes: e.receiverMinutes,
				disputed: opened && { by: opened.by, at: opened.at, reason: opened.reason ?? null }
			};
		});
	}

	/** How many disputes wait: for the cockpit's menu on every page, without the names. */
	async countDisputed(quarterId: string): Promise<number> {
		return (await this.disputed(quarterId)).length;
	}

	private async disputed(quarterId: string): Promise<Loaded[]> {
		return (await this.ofQuarter(quarterId)).filter((l) => l.record.exchange.state === 'disputed');
	}

	/** Every exchange of a quarter: its events are read once per server, then followed by `_id`. */
	private async ofQuarter(quarterId: string): Promise<Loaded[]> {
		await this.warm(quarterId);
		const ids = await this.list(quarterList(quarterId));
		return (await Promise.all(ids.map((id) => this.load(id)))).filter(
			(l): l is Loaded => l !== null
		);
	}

	/** A quarter's exchanges as records (for reports such as the impact dashboard). */
	async recordsOfQuarter(
		quarterId: string
	): Promise<Array<{ id: string; record: ExchangeRecord }>> {
		return (await this.ofQuarter(quarterId)).map((l) => ({ id: l.id, record: l.record }));
	}

	private async summaries(loaded: Loaded[], userId: string | null): Promise<ExchangeSummary[]> {
		const names = await namesOf(
			loaded.flatMap((l) => [l.record.exchange.providerId, l.record.exchange.receiverId])
		);
		return loaded
			.map((l): ExchangeSummary => {
				const e = l.record.exchange;
				const mySide = userId ? sideOf(e, userId) : null;
				return {
					id: l.id,
					quarterId: l.quarterId,
					title: e.title,
					state: e.state,
					turn: e.turn,
					minutes: e.minutes,
					settlement: e.settlement,
					date: e.date,
					mySide,
					providerId: e.providerId,
					receiverId: e.receiverId,
					names: { [e.providerId]: names[e.providerId]!, [e.receiverId]: names[e.receiverId]! },
					waitingForMe: mySide !== null && e.turn === mySide && !l.record.pending,
					lastAt: lastAt(l)
				};
			})
			.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.id.localeCompare(b.id));
	}

	private async view(
		loaded: Loaded,
		viewerId: string,
		moderator: boolean,
		membership?: Awaited<ReturnType<typeof findMembership>>
	): Promise<ExchangeView> {
		const { record } = loaded;
		const e = record.exchange;
		const names = await namesOf([
			e.providerId,
			e.receiverId,
			...e.timeline.map((t) => t.by).filter((by) => by !== SYSTEM),
			...e.timeline.flatMap((t) => (t.recordedBy ? [t.recordedBy] : []))
		]);
		const active = membership === undefined || isActiveMember(membership);
		const quarter = e.state === 'done' ? await findQuarter(loaded.quarterId) : null;
		return {
			id: loaded.id,
			quarterId: loaded.quarterId,
			providerId: e.providerId,
			receiverId: e.receiverId,
			proposedBy: e.proposedBy,
			listingId: e.listingId,
			title: e.title,
			date: e.date,
			minutes: e.minutes,
			settlement: e.settlement,
			amountCents: e.amountCents,
			state: e.state,
			turn: e.turn,
			doneAt: e.doneAt,
			receiverMinutes: e.receiverMinutes,
			settledMinutes: e.settledMinutes,
			payment: e.payment,
			cashPaidBy: e.cashPaidBy,
			refundedCents: e.refundedCents,
			timeline: e.timeline,
			names,
			viewerSide: sideOf(e, viewerId),
			moves: record.pending || !active ? [] : allowedMoves(e, { id: viewerId, moderator }),
			settling: record.pending !== null,
			ledgerSeq: record.ledgerSeq,
			refusals: record.refusals,
			autoSettleAt: quarter ? autoSettleDueAt(e, quarter.settings.autoSettleAfterDays) : null,
			lastAt: lastAt(loaded)
		};
	}

	// ---- euros (issue 5) ------------------------------------------------------------------------

	/**
	 * What paying this euro exchange costs and whether the card is offered, as both sides see it
	 * before paying: the amount, the quarter's platform fee, Stripe's estimated fee and what the
	 * provider receives. Null for exchanges not in euros.
	 */
	async paymentOffer(exchangeId: string): Promise<PaymentOffer | null> {
		const loaded = await this.load(exchangeId);
		return loaded ? ((await this.offerOf(loaded))?.offer ?? null) : null;
	}

	/** The offer and the seller's connected account it rests on, read once. */
	private async offerOf(
		loaded: Loaded
	): Promise<{ offer: PaymentOffer; sellerAccountId: string | null } | null> {
		const e = loaded.record.exchange;
		if (!paysEuros(e.settlement) || e.amountCents === null) return null;
		const quarter = await findQuarter(loaded.quarterId);
		if (!quarter) return null;
		const fees = feeBreakdown(e.amountCents, quarter.settings);
		const seller = await payoutStatus(e.providerId);
		const card: PaymentOffer['card'] = !seller.enabled
			? 'not_configured'
			: seller.status?.chargesEnabled
				? 'available'
				: 'seller_not_ready';
		return { offer: { ...fees, card }, sellerAccountId: seller.accountId };
	}

	/**
	 * The receiver pays a confirmed euro exchange by card: a Checkout Session as a destination
	 * charge to the provider's connected account, with the quarter's platform fee. The exchange is
	 * settled only when Stripe's webhook reports the payment (`recordCardPayment`), never on the
	 * way back from Stripe. A double click opens the same session (idempotency key per version).
	 */
	async startCardPayment(
		actorId: string,
		exchangeId: string,
		context: { origin: string; locale: Locale }
	): Promise<{ ok: true; url: string } | { ok: false; problem: ExchangeProblem | CardProblem }> {
		const loaded = await this.load(exchangeId);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const e = loaded.record.exchange;
		const side = sideOf(e, actorId);
		if (!side) return { ok: false, problem: 'not_found' };
		if (!isActiveMember(await findMembership(loaded.quarterId, actorId))) {
			return { ok: false, problem: 'not_member' };
		}
		if (!paysEuros(e.settlement) || e.amountCents === null) {
			return { ok: false, problem: 'wrong_settlement' };
		}
		if (side !== 'receiver') return { ok: false, problem: 'wrong_side' };
		if (!awaitsCardPayment(e)) return { ok: false, problem: 'wrong_state' };
		const offered = await this.offerOf(loaded);
		if (!offered) return { ok: false, problem: 'not_configured' };
		const { offer, sellerAccountId } = offered;
		if (offer.card !== 'available') return { ok: false, problem: offer.card };
		const path = localizeUrl(new URL(`/exchanges/${exchangeId}`, context.origin), {
			locale: context.locale
		}).href;
		const session = await createCheckoutSession({
			exchangeId,
			quarterId: loaded.quarterId,
			description: e.title,
			amountCents: e.amountCents,
			platformFeeCents: offer.platformFeeCents,
			destinationAccountId: sellerAccountId!,
			successUrl: `${path}?paid=1`,
			cancelUrl: `${path}?paid=0`,
			locale: context.locale,
			idempotencyKey: `checkout:${exchangeId}:${loaded.record.version}`
		});
		return { ok: true, url: session.url };
	}

	/**
	 * Stripe's webhook says a payment for this exchange succeeded. A confirmed euro exchange of
	 * that amount is settled (`cardPaid`); a payment the exchange cannot take (cancelled, paid in
	 * cash meanwhile, paid twice) is refunded in full, never kept or lost. Safe to run again for
	 * the same payment: it settles once and refunds once (Stripe's idempotency key per payment,
	 * and the refund id in the timeline).
	 */
	async recordCardPayment(
		exchangeId: string,
		payment: { paymentIntentId: string; amountCents: number; feeCents: number },
		now = new Date()
	): Promise<'settled' | 'already' | 'refunded' | 'not_found'> {
		return this.queue.run(exchangeId, async () => {
			const written = await this.write(exchangeId, (l) => {
				const e = l.record.exchange;
				if (e.payment?.method === 'card' && e.payment.reference === payment.paymentIntentId) {
					return { answer: { ok: true, loaded: l, event: null, repeated: true } };
				}
				const moved = runMove(
					e,
					{ id: SYSTEM, moderator: false },
					{
						move: 'cardPaid',
						amountCents: payment.amountCents,
						feeCents: payment.feeCents,
						reference: payment.paymentIntentId
					},
					now
				);
				if (!moved.ok) return { answer: { ok: false, problem: moved.error } };
				return { write: logEventOf(moved.event, l.record.version + 1) };
			});
			if (written.ok) {
				if (!written.event) return 'already';
				await this.announce(written.loaded, written.event, now);
				return 'settled';
			}
			if (written.problem === 'not_found') return 'not_found';
			// Only a definite "cannot take it" gives the money back; a busy log (contention) throws,
			// so the webhook event stays pending and is retried.
			const cannot: ExchangeProblem[] = ['wrong_state', 'invalid_amount', 'wrong_settlement'];
			if (!cannot.includes(written.problem)) {
				throw new Error(`exchange ${exchangeId}: payment not recorded yet (${written.problem})`);
			}
			// The exchange cannot take this payment: give it back.
			const loaded = (await this.load(exchangeId))!;
			const refund = await createRefund({
				paymentIntentId: payment.paymentIntentId,
				amountCents: payment.amountCents,
				exchangeId,
				quarterId: loaded.quarterId,
				idempotencyKey: `late-refund:${payment.paymentIntentId}`
			});
			const recorded = await this.recordRefund(exchangeId, SYSTEM, now, {
				amountCents: refund.amountCents,
				reference: refund.id,
				late: true
			});
			// Stripe has refunded; the timeline must say so, or the event is retried until it does.
			if (!recorded.ok) {
				throw new Error(
					`exchange ${exchangeId}: refund ${refund.id} not recorded (${recorded.problem})`
				);
			}
			return 'refunded';
		});
	}

	/** Stores a refund Stripe accepted, once per refund id; tells both sides. */
	private async recordRefund(
		exchangeId: string,
		by: string,
		now: Date,
		request: {
			amountCents: number;
			reference: string;
			reason?: string;
			late?: boolean;
			key?: string;
		}
	): Promise<Written> {
		const written = await this.write(exchangeId, (l) => {
			const done = l.record.exchange.timeline.some(
				(t) => t.move === 'refund' && t.reference === request.reference
			);
			if (done) return { answer: { ok: true, loaded: l, event: null, repeated: true } };
			const moved = runMove(
				l.record.exchange,
				{ id: by, moderator: by !== SYSTEM },
				{ move: 'refund', ...request },
				now
			);
			if (!moved.ok) return { answer: { ok: false, problem: moved.error } };
			return {
				write: logEventOf(moved.event, l.record.version + 1, request.late ? { late: true } : {})
			};
		});
		if (written.ok && written.event) await this.announce(written.loaded, written.event, now);
		return written;
	}

	/**
	 * The quarter management gives back part or all of a card payment (e.g. resolving a
	 * complaint): refunded through Stripe, shown in the timeline, audited.
	 */
	async moderatorRefund(
		moderatorId: string,
		exchangeId: string,
		amountCents: number,
		reason: string,
		/** From the form: the same submission twice is one refund at Stripe. */
		nonce: string,
		now = new Date()
	): Promise<ExchangeResult> {
		const checked = await this.moderatorOf(moderatorId, exchangeId);
		if (!checked.ok) return checked;
		if (reason.trim() === '') return { ok: false, problem: 'reason_required' };
		return this.queue.run(exchangeId, async () => {
			const loaded = (await this.load(exchangeId))!;
			const e = loaded.record.exchange;
			if (sideOf(e, moderatorId)) return { ok: false, problem: 'own_exchange' };
			// The same form sent twice (a double click, a retry): the refund made the first time.
			if (e.timeline.some((t) => t.move === 'refund' && t.key === nonce)) {
				return { ok: true, exchange: await this.view(loaded, moderatorId, true), repeated: true };
			}
			// Check before asking Stripe: the same rule the stored event must pass.
			const tried = runMove(
				e,
				{ id: moderatorId, moderator: true },
				{ move: 'refund', amountCents, reference: 'check', reason },
				now
			);
			if (!tried.ok) return { ok: false, problem: tried.error };
			const refund = await createRefund({
				paymentIntentId: e.payment!.reference!,
				amountCents,
				exchangeId,
				quarterId: loaded.quarterId,
				idempotencyKey: `refund:${exchangeId}:${nonce}`
			});
			const written = await this.recordRefund(exchangeId, moderatorId, now, {
				amountCents: refund.amountCents,
				reference: refund.id,
				reason: reason.trim(),
				key: nonce
			});
			if (!written.ok) return written;
			if (written.event) {
				await appendAudit({
					id: `exchange:${exchangeId}:${written.event.n}`,
					quarterId: loaded.quarterId,
					at: now,
					actorId: moderatorId,
					action: 'exchange.refund',
					target: { type: 'exchange', id: exchangeId },
					reason: reason.trim(),
					details: { title: e.title, amountCents: refund.amountCents, refund: refund.id }
				});
			}
			return {
				ok: true,
				exchange: await this.view(written.loaded, moderatorId, true),
				repeated: written.repeated ?? false
			};
		});
	}

	// ---- thank-you notes -----------------------------------------------------------------------

	async leaveThanks(
		authorId: string,
		exchangeId: string,
		text: string,
		now = new Date()
	): Promise<
		| { ok: true }
		| { ok: false; problem: 'not_found' | 'not_settled' | 'empty' | 'too_long' | 'already' }
	> {
		const loaded = await this.load(exchangeId);
		if (!loaded) return { ok: false, problem: 'not_found' };
		const e = loaded.record.exchange;
		const problem = thanksProblem(e, authorId, text);
		if (problem === 'not_a_party') return { ok: false, problem: 'not_found' };
		if (problem) return { ok: false, problem };
		const recipientId = authorId === e.providerId ? e.receiverId : e.providerId;
		try {
			await insertThanks({
				id: thanksId(exchangeId, authorId),
				quarterId: loaded.quarterId,
				exchangeId,
				authorId,
				recipientId,
				text: normalizeThanksText(text),
				at: now
			});
		} catch (err) {
			if (isDuplicateKeyError(err)) return { ok: false, problem: 'already' };
			throw err;
		}
		return { ok: true };
	}

	/** The notes a member received in a quarter, newest first (for their profile). */
	async thanksFor(quarterId: string, userId: string): Promise<ThanksView[]> {
		const ids = await this.list(userId);
		const settled = (await Promise.all(ids.map((id) => this.load(id)))).filter(
			(l): l is Loaded =>
				l !== null &&
				l.quarterId === quarterId &&
				l.record.exchange.state === 'settled' &&
				sideOf(l.record.exchange, userId) !== null
		);
		const notes = await Promise.all(
			settled.map(async (l) => {
				const e = l.record.exchange;
				const authorId = userId === e.providerId ? e.receiverId : e.providerId;
				const thanks = await findThanks(thanksId(l.id, authorId));
				return thanks ? { thanks, title: e.title } : null;
			})
		);
		const found = notes.filter((n): n is { thanks: Thanks; title: string } => n !== null);
		const names = await namesOf(found.map((n) => n.thanks.authorId));
		return found
			.map(({ thanks, title }) => ({
				exchangeId: thanks.exchangeId,
				exchangeTitle: title,
				authorId: thanks.authorId,
				authorName: names[thanks.authorId]!,
				text: thanks.text,
				at: thanks.at
			}))
			.sort((a, b) => b.at.getTime() - a.at.getTime());
	}

	/** Whether the author has thanked for this exchange (to hide the form). */
	async hasThanked(exchangeId: string, authorId: string): Promise<boolean> {
		return (await findThanks(thanksId(exchangeId, authorId))) !== null;
	}

	// ---- start credit --------------------------------------------------------------------------

	/**
	 * Welcomes a member with the quarter's start credit from the community account, exactly once
	 * per member and quarter (the ledger key `start-credit:<userId>`), whoever calls it how often.
	 * `by` is the moderator who approved the member, or `'system'`.
	 */
	async grantStartCredit(
		quarterId: string,
		userId: string,
		by: string,
		now = new Date()
	): Promise<StartCreditResult> {
		const quarter = await findQuarter(quarterId);
		if (!quarter) return { ok: false, problem: 'not_found' };
		if (!isActiveMember(await findMembership(quarterId, userId))) {
			return { ok: false, problem: 'not_member' };
		}
		const minutes = quarter.settings.startCreditMinutes;
		if (!(minutes > 0)) return { ok: false, problem: 'disabled' };
		const booked = await this.ledger.transfer(
			quarterId,
			{
				from: COMMUNITY,
				to: memberAccount(userId),
				minutes,
				kind: 'start-credit',
				key: `start-credit:${userId}`,
				memo: 'Startguthaben'
			},
			{ by, now, limits: ledgerLimits(quarter) }
		);
		if (!booked.ok) {
			return booked.problem.code === 'contention'
				? { ok: false, problem: 'contention' }
				: { ok: false, problem: 'over_limit', ledger: booked.problem };
		}
		if (!booked.duplicate) {
			if (by !== SYSTEM) {
				await appendAudit({
					id: `start-credit:${quarterId}:${userId}`,
					quarterId,
					at: now,
					actorId: by,
					action: 'ledger.startCredit',
					target: { type: 'member', id: userId },
					reason: '',
					details: { minutes, ledgerSeq: booked.entry.seq }
				});
			}
			await this.notifications.notify(
				userId,
				{
					quarterId,
					kind: 'start-credit',
					exchangeId: null,
					move: 'startCredit',
					actorId: by,
					title: quarter.name,
					minutes
				},
				now
			);
		}
		return { ok: true, entry: booked.entry, duplicate: booked.duplicate };
	}

	// ---- notifications -------------------------------------------------------------------------

	/** Tells the other side (both, after system and moderator moves) in-app and by mail. */
	private async announce(loaded: Loaded, event: StoredEvent, now: Date): Promise<void> {
		if (event.move === 'settling') return;
		const e = loaded.record.exchange;
		const move = event.move;
		const recipients =
			move === 'settlementRefused'
				? [e.providerId, e.receiverId]
				: notifyWhom(timelineOf({ ...event, move }, e), e);
		const actor = event.by === SYSTEM ? null : await findUserById(event.by);
		const recorder = event.recordedBy ? await findUserById(event.recordedBy) : null;
		for (const recipientId of recipients) {
			try {
				await this.notifications.notify(
					recipientId,
					{
						quarterId: loaded.quarterId,
						kind: 'exchange',
						exchangeId: loaded.id,
						move: event.move,
						actorId: event.by,
						...(event.recordedBy ? { recordedBy: event.recordedBy } : {}),
						title: e.title,
						minutes: event.minutes ?? null
					},
					now
				);
				if (!this.mail) continue;
				const recipient = await findUserById(recipientId);
				if (!recipient) continue;
				const locale: Locale = recipient.locale;
				const what = describeExchangeEvent(
					{ ...event, settlement: event.proposal?.settlement },
					actor?.displayName ?? '—',
					locale
				);
				const origin = loaded.origin ?? process.env.ORIGIN ?? 'http://localhost:5173';
				const link = localizeUrl(new URL(`/exchanges/${loaded.id}`, origin), { locale }).href;
				const lines = [
					m.mail_exchange_greeting({ name: recipient.displayName }, { locale }),
					`${what}.`,
					...(recorder
						? [
								m.assisted_recorded_by(
									{ moderator: recorder.displayName, member: actor?.displayName ?? '—' },
									{ locale }
								)
							]
						: []),
					...(event.reason ? [m.mail_exchange_reason({ reason: event.reason }, { locale })] : []),
					m.mail_exchange_link({ link }, { locale }),
					m.mail_exchange_footer({}, { locale })
				];
				await sendMail(
					{
						to: recipient.email,
						// The subject stays short; the body says how they mean to settle.
						subject: m.mail_exchange_subject(
							{
								title: e.title,
								event: describeExchangeEvent(event, actor?.displayName ?? '—', locale)
							},
							{ locale }
						),
						text: lines.join('\n\n')
					},
					now
				);
			} catch (err) {
				// The move is stored; a notification that fails must not turn it into an error page.
				console.error(`Notification about exchange ${loaded.id} to ${recipientId} failed:`, err);
			}
		}
	}
}

function partyRequest(
	move: PartyMove,
	options: { minutes?: number; reason?: string }
): MoveRequest {
	switch (move) {
		case 'accept':
		case 'markDone':
			return { move };
		case 'confirm':
			return { move, ...(options.minutes !== undefined ? { minutes: options.minutes } : {}) };
		case 'decline':
		case 'cancel':
		case 'dispute':
			return { move, ...(options.reason !== undefined ? { reason: options.reason } : {}) };
		case 'cashPaid':
			return { move };
	}
}

/** The event as `notifyWhom` reads it (who made which move). */
function timelineOf(event: LogEvent & { move: Move }, exchange: Exchange): TimelineEvent {
	return { at: event.at, by: event.by, move: event.move, fromState: null, toState: exchange.state };
}

function lastAt(loaded: Loaded): Date {
	const timeline = loaded.record.exchange.timeline;
	return timeline[timeline.length - 1]!.at;
}

async function namesOf(ids: string[]): Promise<Record<string, string>> {
	const unique = [...new Set(ids)];
	const users = await Promise.all(unique.map((id) => findUserById(id)));
	const names: Record<string, string> = {};
	unique.forEach((id, i) => (names[id] = users[i]?.displayName ?? '—'));
	return names;
}

/** One line about an event, in the reader's language: for mails, notifications and timelines. */
export function describeExchangeEvent(
	event: Pick<LogEvent, 'move' | 'minutes' | 'afterDays' | 'ledgerSeq' | 'amountCents' | 'late'> & {
		/** For `propose`: how the two mean to settle, so the choice shows in the timeline. */
		settlement?: SettlementKind;
	},
	actorName: string,
	locale: Locale
): string {
	const name = actorName;
	const minutes = formatMinutes(event.minutes ?? 0, locale);
	const amount = formatEuros(event.amountCents ?? 0, locale);
	const booked = event.ledgerSeq !== undefined;
	switch (event.move) {
		case 'propose':
			switch (event.settlement) {
				case 'hours':
					return m.exchange_event_propose_hours({ name, minutes }, { locale });
				case 'euros':
					return m.exchange_event_propose_euros({ name, amount }, { locale });
				case 'free':
					return m.exchange_event_propose_free({ name }, { locale });
				default:
					return m.exchange_event_propose({ name }, { locale });
			}
		case 'accept':
			return m.exchange_event_accept({ name }, { locale });
		case 'decline':
			return m.exchange_event_decline({ name }, { locale });
		case 'cancel':
			return m.exchange_event_cancel({ name }, { locale });
		case 'markDone':
			return m.exchange_event_mark_done({ name }, { locale });
		case 'confirm':
			return m.exchange_event_confirm({ name }, { locale });
		case 'dispute':
			return m.exchange_event_dispute({ name }, { locale });
		case 'settle':
			return booked
				? m.exchange_event_settle({ minutes }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'autoSettle':
			return booked
				? m.exchange_event_auto_settle({ minutes, days: event.afterDays ?? 0 }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'moderatorSettle':
			return booked
				? m.exchange_event_moderator_settle({ minutes }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'moderatorCancel':
			return m.exchange_event_moderator_cancel({}, { locale });
		case 'settlementRefused':
			return m.exchange_event_settlement_refused({}, { locale });
		case 'cardPaid':
			return m.exchange_event_card_paid({ amount }, { locale });
		case 'cashPaid':
			// The second confirmation carries the amount: it settles the exchange.
			return event.amountCents !== undefined
				? m.exchange_event_cash_settled({ name, amount }, { locale })
				: m.exchange_event_cash_paid({ name }, { locale });
		case 'refund':
			return event.late
				? m.exchange_event_refund_late({ amount }, { locale })
				: m.exchange_event_refund({ amount }, { locale });
		case 'settling':
			return '';
	}
}

/** This app server's exchanges. */
export const exchanges = new ExchangeService();

export const proposeExchange = (input: ProposeInput) => exchanges.propose(input);
export const moveExchange = (
	actorId: string,
	exchangeId: string,
	move: PartyMove,
	options?: { minutes?: number; reason?: string; now?: Date }
) => exchanges.move(actorId, exchangeId, move, options);
export const moderatorSettleExchange = (
	moderatorId: string,
	exchangeId: string,
	minutes: number,
	reason: string,
	now?: Date
) => exchanges.moderatorSettle(moderatorId, exchangeId, minutes, reason, now);
export const moderatorCancelExchange = (
	moderatorId: string,
	exchangeId: string,
	reason: string,
	now?: Date
) => exchanges.moderatorCancel(moderatorId, exchangeId, reason, now);
export const getExchange = (viewerId: string, exchangeId: string) =>
	exchanges.get(viewerId, exchangeId);
export const listExchangesOf = (userId: string) => exchanges.listOf(userId);
export const paymentOffer = (exchangeId: string) => exchanges.paymentOffer(exchangeId);
export const startCardPayment = (
	actorId: string,
	exchangeId: string,
	context: { origin: string; locale: Locale }
) => exchanges.startCardPayment(actorId, exchangeId, context);
export const recordCardPayment = (
	exchangeId: string,
	payment: { paymentIntentId: string; amountCents: number; feeCents: number },
	now?: Date
) => exchanges.recordCardPayment(exchangeId, payment, now);
export const moderatorRefundExchange = (
	moderatorId: string,
	exchangeId: string,
	amountCents: number,
	reason: string,
	nonce: string
) => exchanges.moderatorRefund(moderatorId, exchangeId, amountCents, reason, nonce);
export const listDisputed = (quarterId: string) => exchanges.listDisputed(quarterId);
export const countDisputed = (quarterId: string) => exchanges.countDisputed(quarterId);
export const runAutoSettle = (now: Date) => exchanges.runAutoSettle(now);
export const leaveThanks = (authorId: string, exchangeId: string, text: string, now?: Date) =>
	exchanges.leaveThanks(authorId, exchangeId, text, now);
export const listThanksFor = (quarterId: string, userId: string) =>
	exchanges.thanksFor(quarterId, userId);
export const grantStartCredit = (quarterId: string, userId: string, by: string, now?: Date) =>
	exchanges.grantStartCredit(quarterId, userId, by, now);

export type { PendingSettlement };
