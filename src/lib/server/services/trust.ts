// Trust and safety (issue 16 items 1-4): the records behind the rules in domain/trust, as the
// listing, sign-up, approval and exchange services ask for them, and what the quarter
// management records (Führungszeugnis seen, a parent's consent) and configures.
import type { ListingContent } from '../../domain/listings/listing';
import { dayOf } from '../../domain/time/zone';
import {
	admissionProblem,
	isMinor,
	type AdmissionProblem,
	type AgeRecord
} from '../../domain/trust/age';
import type { LicenceKind } from '../../domain/trust/activities';
import {
	assessListing,
	type AuthorTrust,
	type ListingAssessment,
	type TrustHold
} from '../../domain/trust/listing-rules';
import { MAX_VETTING_MONTHS, type TrustSettings } from '../../domain/trust/settings';
import {
	isVettingValid,
	vettingProblem,
	vettingValidUntil,
	type VettingProblem,
	type VettingRecord
} from '../../domain/trust/vetting';
import { newId } from '../ids';
import { appendAudit } from '../repos/audit';
import { findMembership, listMembershipsOfQuarter } from '../repos/memberships';
import { updateQuarterSettings, type Quarter } from '../repos/quarters';
import * as records from '../repos/trust';
import { findUsersByIds } from '../repos/users';

function today(quarter: Pick<Quarter, 'settings'>, now: Date): string {
	return dayOf(now, quarter.settings.timeZone);
}

/** The author's records as the listing rules read them. */
export async function authorTrust(
	quarter: Quarter,
	userId: string,
	commercial: boolean,
	now: Date
): Promise<AuthorTrust> {
	const day = today(quarter, now);
	const [age, vetting, insurance] = await Promise.all([
		records.findAgeRecord(userId),
		records.findVetting(quarter.id, userId),
		records.findInsurance(userId)
	]);
	return {
		minor: isMinor(age, day),
		vetted: isVettingValid(vetting, day),
		insured: insurance !== null,
		commercial
	};
}

export async function assessForAuthor(
	quarter: Quarter,
	content: Pick<
		ListingContent,
		'kind' | 'category' | 'title' | 'description' | 'tags' | 'settlement'
	>,
	userId: string,
	commercial: boolean,
	now: Date
): Promise<ListingAssessment> {
	const author = await authorTrust(quarter, userId, commercial, now);
	return assessListing(content, author, quarter.settings.trust);
}

/** Whether a person counts as a minor today (safety hints, the euro gate). */
export async function isMinorMember(userId: string, now: Date, timeZone: string): Promise<boolean> {
	return isMinor(await records.findAgeRecord(userId), dayOf(now, timeZone));
}

/**
 * The euro gate's age rule: a minor never receives euros (domain/trust/age.ts). Called where a
 * euro exchange is agreed (services/exchanges/propose.ts).
 */
export async function euroSaleProblem(
	quarter: Pick<Quarter, 'settings'>,
	sellerId: string,
	now: Date
): Promise<'seller_minor' | null> {
	return (await isMinorMember(sellerId, now, quarter.settings.timeZone)) ? 'seller_minor' : null;
}

/** At sign-up: whether this quarter admits the person, by age. */
export function admission(quarter: Quarter, record: AgeRecord, now: Date): AdmissionProblem | null {
	return admissionProblem(record, quarter.settings.trust.minorsWithConsent, today(quarter, now));
}

export async function saveAge(userId: string, record: AgeRecord, now: Date): Promise<void> {
	await records.saveAgeRecord(userId, record, now);
}

/** Before a minor's membership is approved, a parent's consent must be recorded. */
export async function minorConsentMissing(
	quarter: Quarter,
	userId: string,
	now: Date
): Promise<boolean> {
	if (!(await isMinorMember(userId, now, quarter.settings.timeZone))) return false;
	return (await records.findConsent(quarter.id, userId)) === null;
}

export type RecordProblem = VettingProblem | 'not_member';

/** The quarter management saw a member's erweitertes Führungszeugnis (no copy is kept). */
export async function recordVetting(input: {
	quarter: Quarter;
	memberId: string;
	moderatorId: string;
	issuedOn: string;
	seenOn: string;
	now: Date;
}): Promise<{ ok: true; record: VettingRecord } | { ok: false; problem: RecordProblem }> {
	const { quarter, memberId, moderatorId, now } = input;
	if (!(await findMembership(quarter.id, memberId))) return { ok: false, problem: 'not_member' };
	const problem = vettingProblem(input.issuedOn, input.seenOn, today(quarter, now));
	if (problem) return { ok: false, problem };
	const record: VettingRecord = {
		seenOn: input.seenOn,
		issuedOn: input.issuedOn,
		recordedBy: moderatorId,
		validUntil: vettingValidUntil(input.seenOn, quarter.settings.trust.vettingValidityMonths)
	};
	await records.saveVetting(quarter.id, memberId, record, now);
	await appendAudit({
		id: `vetting:${quarter.id}:${memberId}:${newId()}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'member.vettingRecorded',
		target: { type: 'member', id: memberId },
		reason: '',
		details: { seenOn: record.seenOn, validUntil: record.validUntil }
	});
	return { ok: true, record };
}

/** The quarter management recorded a parent's consent for a 14-17-year-old member. */
export async function recordMinorConsent(input: {
	quarter: Quarter;
	memberId: string;
	moderatorId: string;
	now: Date;
}): Promise<{ ok: true } | { ok: false; problem: 'not_member' | 'not_minor' }> {
	const { quarter, memberId, moderatorId, now } = input;
	if (!(await findMembership(quarter.id, memberId))) return { ok: false, problem: 'not_member' };
	if (!(await isMinorMember(memberId, now, quarter.settings.timeZone)))
		return { ok: false, problem: 'not_minor' };
	await records.saveConsent(quarter.id, memberId, moderatorId, now);
	await appendAudit({
		id: `consent:${quarter.id}:${memberId}`,
		quarterId: quarter.id,
		at: now,
		actorId: moderatorId,
		action: 'member.minorConsentRecorded',
		target: { type: 'member', id: memberId },
		reason: '',
		details: {}
	});
	return { ok: true };
}

export async function setInsurance(userId: string, confirmed: boolean, now: Date): Promise<void> {
	await records.saveInsurance(userId, confirmed, now);
}

export async function insuranceConfirmedAt(userId: string): Promise<Date | null> {
	return records.findInsurance(userId);
}

/** What a profile shows: two badges, no details (no dates, no names). */
export async function trustBadges(
	quarter: Quarter,
	userId: string,
	now: Date
): Promise<{ vetted: boolean; insured: boolean }> {
	const [vetting, insurance] = await Promise.all([
		records.findVetting(quarter.id, userId),
		records.findInsurance(userId)
	]);
	return { vetted: isVettingValid(vetting, today(quarter, now)), insured: insurance !== null };
}

export interface MemberTrustRow {
	userId: string;
	name: string;
	state: string;
	minor: boolean;
	birthYear: number | null;
	consent: boolean;
	vetting: VettingRecord | null;
	vettingValid: boolean;
}

/** The quarter management's overview: every member with age, consent and Führungszeugnis. */
export async function trustOverview(quarter: Quarter, now: Date): Promise<MemberTrustRow[]> {
	const day = today(quarter, now);
	const memberships = (await listMembershipsOfQuarter(quarter.id)).filter(
		(m) => m.state === 'active' || m.state === 'pending'
	);
	const ids = memberships.map((m) => m.userId);
	const [users, ages] = await Promise.all([findUsersByIds(ids), records.findAgeRecords(ids)]);
	const names = new Map(users.map((u) => [u.id, u.displayName]));
	const rows = await Promise.all(
		memberships.map(async (m) => {
			const age = ages.get(m.userId) ?? null;
			const [vetting, consent] = await Promise.all([
				records.findVetting(quarter.id, m.userId),
				records.findConsent(quarter.id, m.userId)
			]);
			return {
				userId: m.userId,
				name: names.get(m.userId) ?? '—',
				state: m.state,
				minor: isMinor(age, day),
				birthYear: age?.birthYear ?? null,
				consent: consent !== null,
				vetting,
				vettingValid: isVettingValid(vetting, day)
			};
		})
	);
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export type TrustSettingsProblem = 'validity_range' | 'unknown_category';

/** Saves the quarter's trust settings, with an audit entry of the new values. */
export async function saveTrustSettings(
	quarter: Quarter,
	trust: TrustSettings,
	actorId: string,
	now: Date
): Promise<{ ok: true } | { ok: false; problem: TrustSettingsProblem }> {
	const months = trust.vettingValidityMonths;
	if (months !== null && (!Number.isInteger(months) || months < 1 || months > MAX_VETTING_MONTHS))
		return { ok: false, problem: 'validity_range' };
	const known = new Set(quarter.categories.map((c) => c.id));
	if (![...trust.sensitiveCategories, ...trust.insuranceCategories].every((id) => known.has(id)))
		return { ok: false, problem: 'unknown_category' };
	await updateQuarterSettings(quarter.id, { ...quarter.settings, trust });
	await appendAudit({
		id: `quarter:${quarter.id}:trust:${newId()}`,
		quarterId: quarter.id,
		at: now,
		actorId,
		action: 'quarter.trustSettingsChanged',
		target: { type: 'quarter', id: quarter.id },
		reason: '',
		details: {
			sensitiveCategories: trust.sensitiveCategories.join(', '),
			vettingValidityMonths: trust.vettingValidityMonths,
			licensedWork: trust.licensedWork,
			minorsWithConsent: trust.minorsWithConsent,
			insuranceCategories: trust.insuranceCategories.join(', ')
		}
	});
	return { ok: true };
}

/** What a listing page shows about trust: the licence notice to everyone, the reasons it waits
 * to the author and moderators, the safety hints to a minor. */
export interface ListingTrustView {
	licences: LicenceKind[];
	holds: TrustHold[];
	stems: string[];
	minorViewer: boolean;
}

export async function listingTrustView(
	quarter: Quarter,
	listing: Parameters<typeof assessListing>[0] & {
		authorId: string;
		commercial: boolean;
		state: string;
	},
	viewer: { id: string; moderator: boolean } | null,
	now: Date
): Promise<ListingTrustView> {
	const assessment = await assessForAuthor(
		quarter,
		listing,
		listing.authorId,
		listing.commercial,
		now
	);
	// Why it waits is said while it waits; a published listing has passed.
	const insider =
		listing.state !== 'published' &&
		viewer !== null &&
		(viewer.moderator || viewer.id === listing.authorId);
	return {
		licences: assessment.licences,
		holds: insider ? assessment.holds : [],
		stems: insider ? assessment.sensitiveStems : [],
		minorViewer: viewer ? await isMinorMember(viewer.id, now, quarter.settings.timeZone) : false
	};
}

/** The reasons each listing of the review queue waits, for the moderator. */
export async function queueReasons(
	quarter: Quarter,
	listings: ReadonlyArray<
		Parameters<typeof assessListing>[0] & { id: string; authorId: string; commercial: boolean }
	>,
	now: Date
): Promise<Map<string, { holds: string[]; stems: string[]; licences: string[] }>> {
	const out = new Map<string, { holds: string[]; stems: string[]; licences: string[] }>();
	for (const l of listings) {
		const a = await assessForAuthor(quarter, l, l.authorId, l.commercial, now);
		out.set(l.id, { holds: a.holds, stems: a.sensitiveStems, licences: a.licences });
	}
	return out;
}
