// Age rules (issue 16 item 3). Sign-up asks only for the year of birth (data minimisation), so
// an age is known as a range: in year Y someone born in B is Y-B-1 before their birthday and
// Y-B after it. Rules take the safe side: a person counts as adult only when even the younger
// age is adult, or when they confirmed that they turned 18 this year; they reach the minimum
// age with consent only when even the younger age reaches it. Figures: thresholds.ts.
import { thresholdValue, type Day } from './thresholds';

export interface AgeRecord {
	birthYear: number;
	/** The person confirmed they are 18 already (asked when they turn 18 in the sign-up year). */
	adultConfirmed: boolean;
}

export type AgeStatus = 'adult' | 'minor' | 'too_young';

/** A year of birth the form accepts: not in the future, not beyond 120 years ago. */
export function plausibleBirthYear(year: number, day: Day): boolean {
	const now = Number(day.slice(0, 4));
	return Number.isInteger(year) && year <= now && year >= now - 120;
}

/** The youngest and oldest age a person born in `birthYear` can have on `day`. */
export function ageRange(birthYear: number, day: Day): { youngest: number; oldest: number } {
	const oldest = Number(day.slice(0, 4)) - birthYear;
	return { youngest: oldest - 1, oldest };
}

/** Adult, minor (old enough with a parent's consent) or too young, on `day`. */
export function ageStatus(record: AgeRecord, day: Day): AgeStatus {
	const adult = thresholdValue('age.adult', day);
	const { youngest, oldest } = ageRange(record.birthYear, day);
	if (youngest >= adult || (oldest >= adult && record.adultConfirmed)) return 'adult';
	return youngest >= thresholdValue('age.minimum_with_consent', day) ? 'minor' : 'too_young';
}

/** Whether a person counts as a minor; accounts from before sign-up asked (no record) are adult
 * members who accepted the rules as such. */
export function isMinor(record: AgeRecord | null, day: Day): boolean {
	return record !== null && ageStatus(record, day) !== 'adult';
}

export type AdmissionProblem = 'too_young' | 'minors_not_admitted';

/**
 * Whether a quarter admits this person: adults always; minors only where the quarter admits
 * them (then with a parent's consent, recorded before the membership is approved).
 */
export function admissionProblem(
	record: AgeRecord,
	minorsWithConsent: boolean,
	day: Day
): AdmissionProblem | null {
	const status = ageStatus(record, day);
	if (status === 'adult') return null;
	if (status === 'too_young') return 'too_young';
	return minorsWithConsent ? null : 'minors_not_admitted';
}

/** A minor may not sell for euros (§§ 106-113 BGB: contracts need the parents; and § 5 JArbSchG
 * limits paid work of children), whatever the listing says. */
export function mayReceiveEuros(record: AgeRecord | null, day: Day): boolean {
	return !isMinor(record, day);
}
