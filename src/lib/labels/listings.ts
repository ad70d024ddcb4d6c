// The words for a listing's kinds, ways of settling, states and moves, in the reader's language.
// Each label names its message directly, so a page carries only the messages it shows (a lookup
// by a composed key would pull in the whole catalogue; see docs/architecture.md, "Messages").
import type {
	FlagReason,
	ListingKind,
	ListingSettlement,
	ListingState,
	Move
} from '$lib/domain/listings/listing';
import { m } from '$lib/paraglide/messages';

const KINDS: Record<ListingKind, () => string> = {
	offer: () => m.listing_kind_offer(),
	request: () => m.listing_kind_request()
};

const SETTLEMENTS: Record<ListingSettlement, () => string> = {
	hours: () => m.listing_settlement_hours(),
	euros: () => m.listing_settlement_euros(),
	either: () => m.listing_settlement_either(),
	free: () => m.listing_settlement_free()
};

const STATES: Record<ListingState, () => string> = {
	draft: () => m.listing_state_draft(),
	pending: () => m.listing_state_pending(),
	published: () => m.listing_state_published(),
	paused: () => m.listing_state_paused(),
	expired: () => m.listing_state_expired(),
	closed: () => m.listing_state_closed(),
	rejected: () => m.listing_state_rejected(),
	hidden: () => m.listing_state_hidden()
};

/** The buttons of the moves a person can make from the listing page (not create, edit, expire). */
const MOVE_BUTTONS: Partial<Record<Move, () => string>> = {
	submit: () => m.listing_move_submit(),
	pause: () => m.listing_move_pause(),
	resume: () => m.listing_move_resume(),
	renew: () => m.listing_move_renew(),
	close: () => m.listing_move_close(),
	approve: () => m.listing_move_approve(),
	reject: () => m.listing_move_reject(),
	requestChanges: () => m.listing_move_request_changes(),
	hide: () => m.listing_move_hide(),
	reinstate: () => m.listing_move_reinstate()
};

/** The label of the reason field of a move that needs one. */
const MOVE_REASONS: Partial<Record<Move, () => string>> = {
	reject: () => m.listing_reason_reject(),
	requestChanges: () => m.listing_reason_request_changes(),
	hide: () => m.listing_reason_hide()
};

/** The management's last decision as its author reads it, before the reason. */
const MODERATIONS: Partial<Record<Move, () => string>> = {
	approve: () => m.listing_moderation_approve(),
	reject: () => m.listing_moderation_reject(),
	requestChanges: () => m.listing_moderation_request_changes(),
	hide: () => m.listing_moderation_hide(),
	reinstate: () => m.listing_moderation_reinstate()
};

/** What was just done, from `?done=` after saving a listing or making a move. */
const DONE: Record<string, () => string> = {
	draft: () => m.listing_done_draft(),
	submitted: () => m.listing_done_submitted(),
	published: () => m.listing_done_published(),
	edited: () => m.listing_done_edited(),
	submit: () => m.listing_done_submit(),
	pause: () => m.listing_done_pause(),
	resume: () => m.listing_done_resume(),
	renew: () => m.listing_done_renew(),
	close: () => m.listing_done_close(),
	approve: () => m.listing_done_approve(),
	reject: () => m.listing_done_reject(),
	requestChanges: () => m.listing_done_request_changes(),
	hide: () => m.listing_done_hide(),
	reinstate: () => m.listing_done_reinstate()
};

const FLAGS: Record<FlagReason, () => string> = {
	spam: () => m.flag_reason_spam(),
	inappropriate: () => m.flag_reason_inappropriate(),
	commercial: () => m.flag_reason_commercial(),
	wrong_category: () => m.flag_reason_wrong_category(),
	other: () => m.flag_reason_other()
};

/** How to propose an exchange on a listing that is not settled in hours. */
const PROPOSE_HINTS: Record<Exclude<ListingSettlement, 'hours'>, () => string> = {
	euros: () => m.exchange_page_listing_propose_hint_euros(),
	either: () => m.exchange_page_listing_propose_hint_either(),
	free: () => m.exchange_page_listing_propose_hint_free()
};

export const listingKindLabel = (kind: ListingKind): string => KINDS[kind]();
export const settlementLabel = (settlement: ListingSettlement): string => SETTLEMENTS[settlement]();
export const listingStateLabel = (state: ListingState): string => STATES[state]();
export const moveButtonLabel = (move: Move): string => MOVE_BUTTONS[move]?.() ?? '';
export const moveReasonLabel = (move: Move): string => MOVE_REASONS[move]?.() ?? '';
export const moderationLabel = (move: Move): string => MODERATIONS[move]?.() ?? '';
export const flagReasonLabel = (reason: FlagReason): string => FLAGS[reason]();
export const proposeHint = (settlement: ListingSettlement): string =>
	settlement === 'hours' ? m.exchange_page_listing_propose_hint() : PROPOSE_HINTS[settlement]();
/** The notice for `?done=`; nothing for a value no page sends. */
export const listingDoneNotice = (done: string | null): string | null =>
	done && Object.hasOwn(DONE, done) ? DONE[done]!() : null;
