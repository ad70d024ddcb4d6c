// Assisted members (begleitete Mitglieder): residents without internet access for whom the
// quarter management records listings, exchanges and confirmations. Only with the resident's
// recorded consent, only in the quarter the moderator manages, and every act keeps the name of
// the moderator who recorded it ("erfasst von … für …").
import { isActiveMember, isManagement, type MembershipLike } from './roles';

/** How a resident gave consent (stored as `AssistedConsent.how`). */
export const ASSIST_CONSENT_WAYS = ['in_person', 'phone', 'letter', 'representative'] as const;
export type AssistConsentWay = (typeof ASSIST_CONSENT_WAYS)[number];

export interface AssistConsentLike {
	/** The day the resident consented (midnight or noon UTC of that day). */
	consentAt: Date;
	how: AssistConsentWay;
	note: string;
	recordedBy: string;
	recordedAt: Date;
	/** Set when the consent was withdrawn; acts for the member are refused from then on. */
	withdrawnAt?: Date | null;
}

const DAY = 24 * 60 * 60 * 1000;

/** The start of the consent day in UTC: the consent holds for the whole day it was given. */
function dayStart(at: Date): number {
	return Math.floor(at.getTime() / DAY) * DAY;
}

/** Whether the consent covers an act at `at`: given on or before that day, not withdrawn yet. */
export function consentValidAt(consent: AssistConsentLike | null | undefined, at: Date): boolean {
	if (!consent) return false;
	if (dayStart(consent.consentAt) > at.getTime()) return false;
	if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= at.getTime()) return false;
	return true;
}

/** Whether a consent is on record and not withdrawn (for lists and buttons). */
export function consentActive(consent: AssistConsentLike | null | undefined): boolean {
	return !!consent && !consent.withdrawnAt;
}

/**
 * Whom the quarter management may record a new consent for: an active resident (businesses and
 * the management act for themselves), not oneself, without a consent in force.
 */
export function mayRecordConsentFor(
	membership: { userId: string; role: string; state: string; assisted?: AssistConsentLike | null },
	moderatorId: string
): boolean {
	return (
		membership.role === 'resident' &&
		membership.state === 'active' &&
		membership.userId !== moderatorId &&
		!consentActive(membership.assisted)
	);
}

export type AssistProblem =
	'not_moderator' | 'not_member' | 'not_resident' | 'self' | 'no_consent' | 'withdrawn';

export interface AssistParties {
	quarterId: string;
	moderator: { id: string; quarterId: string; membership: MembershipLike | null };
	member: { id: string; membership: (MembershipLike & { quarterId: string }) | null };
	consent: AssistConsentLike | null | undefined;
}

/**
 * Whether the moderator may act for the member at `at`: the moderator manages this quarter, the
 * member is an active resident of the same quarter (not the moderator), and the member's
 * consent is on record for that moment.
 */
export function mayActFor(
	parties: AssistParties,
	at: Date
): { ok: true } | { ok: false; problem: AssistProblem } {
	const { moderator, member, consent, quarterId } = parties;
	if (moderator.quarterId !== quarterId || !isManagement(moderator.membership)) {
		return { ok: false, problem: 'not_moderator' };
	}
	if (moderator.id === member.id) return { ok: false, problem: 'self' };
	if (!member.membership || member.membership.quarterId !== quarterId) {
		return { ok: false, problem: 'not_member' };
	}
	if (!isActiveMember(member.membership)) return { ok: false, problem: 'not_member' };
	if (member.membership.role !== 'resident') return { ok: false, problem: 'not_resident' };
	if (!consent) return { ok: false, problem: 'no_consent' };
	if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= at.getTime()) {
		return { ok: false, problem: 'withdrawn' };
	}
	if (!consentValidAt(consent, at)) return { ok: false, problem: 'no_consent' };
	return { ok: true };
}

export type ConsentProblem = 'future_day' | 'not_resident' | 'already_active';

/** Checks a new consent: the day lies not in the future; a running consent is not replaced. */
export function checkNewConsent(
	input: { consentAt: Date; current: AssistConsentLike | null | undefined; role: string },
	now: Date
): ConsentProblem | null {
	if (input.role !== 'resident') return 'not_resident';
	if (dayStart(input.consentAt) > now.getTime()) return 'future_day';
	if (consentActive(input.current)) return 'already_active';
	return null;
}

/** Who recorded an act for whom, as the mark names them; null for acts the member made. */
export interface RecordedMark {
	moderatorName: string;
	memberName: string;
}

/**
 * The mark "erfasst von <moderator> für <member>" for one act: `recordedBy` is the moderator's id
 * (absent when the member acted), `by` the member in whose name it was recorded.
 */
export function recordedMark(
	act: { by: string; recordedBy?: string | null },
	names: Readonly<Record<string, string>>,
	unknown = '—'
): RecordedMark | null {
	if (!act.recordedBy || act.recordedBy === act.by) return null;
	return { moderatorName: names[act.recordedBy] ?? unknown, memberName: names[act.by] ?? unknown };
}

/** The distinct marks of several acts (an exchange's timeline), in order of first appearance. */
export function recordedMarks(
	acts: readonly { by: string; recordedBy?: string | null }[],
	names: Readonly<Record<string, string>>
): RecordedMark[] {
	const seen = new Set<string>();
	const out: RecordedMark[] = [];
	for (const act of acts) {
		const mark = recordedMark(act, names);
		if (!mark) continue;
		const key = `${act.recordedBy}:${act.by}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(mark);
	}
	return out;
}

/** A calendar day `YYYY-MM-DD` as noon UTC, so the day is the same in every time zone. */
export function consentDay(text: string): Date | null {
	const trimmed = text.trim();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return null;
	const date = new Date(`${trimmed}T12:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed) return null;
	return date;
}
