// The erweitertes Führungszeugnis (§ 30a BZRG) as the quarter management records it: that it
// was seen, on which day, by whom, the day it was issued (to check it was recent), and until
// when the record counts. No copy and no content of the certificate is ever stored.
import { thresholdValue, type Day } from './thresholds';

export interface VettingRecord {
	/** The day the quarter management saw the certificate. */
	seenOn: Day;
	/** The day printed on the certificate. */
	issuedOn: Day;
	/** The moderator who saw it. */
	recordedBy: string;
	/** Last day the record counts. */
	validUntil: Day;
}

export type VettingProblem = 'bad_day' | 'seen_in_future' | 'issued_after_seen' | 'too_old';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the days typed in can be recorded: a certificate older than the table's maximum age
 * when it was presented is not accepted (a new one is requested). */
export function vettingProblem(issuedOn: Day, seenOn: Day, today: Day): VettingProblem | null {
	if (!DAY.test(issuedOn) || !DAY.test(seenOn) || !validDay(issuedOn) || !validDay(seenOn))
		return 'bad_day';
	if (seenOn > today) return 'seen_in_future';
	if (issuedOn > seenOn) return 'issued_after_seen';
	const maxMonths = thresholdValue('vetting.certificate_max_age', seenOn);
	if (addMonths(issuedOn, maxMonths) < seenOn) return 'too_old';
	return null;
}

/** The last day a record counts: `months` after the day it was seen (the quarter's setting, or
 * the table's default). */
export function vettingValidUntil(seenOn: Day, months: number | null): Day {
	const m = months ?? thresholdValue('vetting.validity_default', seenOn);
	return addMonths(seenOn, m);
}

export function isVettingValid(
	record: Pick<VettingRecord, 'validUntil'> | null,
	day: Day
): boolean {
	return record !== null && day <= record.validUntil;
}

function validDay(day: Day): boolean {
	const d = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** `day` plus `months` calendar months, clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
	const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}
