// The yearly transparency figures (Art. 24 DSA, with Art. 15): how many reports came in and how
// the quarter management decided, by kind. Each source of figures turns its records into facts
// (one function per source in services/transparency.ts: member reports and moderation decisions
// now; notices and complaints join as further sources), and this module counts them per year.
//
// Privacy as in the impact report: a count of 1 to 4 is not given out (it could point at one
// person in a small quarter); it reads "< 5". Zero is shown, it says nothing about anyone.
import { dateTimeFormat } from '../intl';
import { median, MIN_PEOPLE, round, type Cell } from '../impact/impact';

/** One counted event: which source, which kind within it, when. */
export interface TransparencyFact {
	source: string;
	kind: string;
	at: Date;
	/** How long it took (a decision since its notice): the section then gives the yearly median. */
	durationMs?: number;
}

export interface TransparencyRow {
	kind: string;
	/** Per year, in the order of `TransparencyTable.years`. */
	cells: Cell[];
}

export interface TransparencySection {
	source: string;
	rows: TransparencyRow[];
	/** All kinds together, per year (suppressed by the same rule). */
	total: Cell[];
	/** Median duration in hours per year, for sources whose facts carry one (else null). A median
	 * over fewer than five cases is suppressed like a count; a year without cases is unknown. */
	medianHours: Cell[] | null;
}

export interface TransparencyTable {
	/** Newest first. */
	years: number[];
	sections: TransparencySection[];
}

/** The calendar year in the platform's time zone (Germany). */
export function yearOf(at: Date, timeZone = 'Europe/Berlin'): number {
	return Number(dateTimeFormat('en', { year: 'numeric', timeZone }).format(at));
}

export function countCell(count: number): Cell {
	return count > 0 && count < MIN_PEOPLE ? { kind: 'suppressed' } : { kind: 'value', value: count };
}

/**
 * Counts facts per source, kind and year. `sources` names every source with its kinds in the
 * order the page shows them (a kind without facts reads 0), and whether it gives the median of
 * its facts' durations; facts of other sources or kinds are ignored. Years run from the first year with a fact (at the latest `now`'s) to `now`'s year.
 */
export function transparencyTable(
	sources: ReadonlyArray<{ source: string; kinds: readonly string[]; median?: boolean }>,
	facts: readonly TransparencyFact[],
	now: Date
): TransparencyTable {
	const last = yearOf(now);
	let first = last;
	const counts = new Map<string, number>();
	const durations = new Map<string, number[]>();
	for (const fact of facts) {
		const year = yearOf(fact.at);
		if (year > last) continue;
		first = Math.min(first, year);
		const key = `${fact.source}|${fact.kind}|${year}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
		if (fact.durationMs !== undefined) {
			const byYear = `${fact.source}|${year}`;
			durations.set(byYear, [...(durations.get(byYear) ?? []), fact.durationMs]);
		}
	}
	const medianCell = (values: readonly number[] = []): Cell =>
		values.length === 0
			? { kind: 'unknown' }
			: values.length < MIN_PEOPLE
				? { kind: 'suppressed' }
				: { kind: 'value', value: round(median(values) / 3_600_000, 1) };
	const years: number[] = [];
	for (let y = last; y >= first; y--) years.push(y);
	return {
		years,
		sections: sources.map(({ source, kinds, median: withMedian }) => {
			const rows = kinds.map((kind) => ({
				kind,
				cells: years.map((y) => countCell(counts.get(`${source}|${kind}|${y}`) ?? 0))
			}));
			const total = years.map((y) =>
				countCell(kinds.reduce((sum, kind) => sum + (counts.get(`${source}|${kind}|${y}`) ?? 0), 0))
			);
			const medianHours = withMedian
				? years.map((y) => medianCell(durations.get(`${source}|${y}`)))
				: null;
			return { source, rows, total, medianHours };
		})
	};
}

/** Member reports (flags) by what they are about. */
export const REPORT_KINDS = ['listing', 'member', 'conversation'] as const;

/** Moderation decisions as the transparency page groups them, by audit action. Approving a
 * listing restricts nothing and is not counted; neither are the platform administrator's acts. */
export const DECISION_KIND_OF_ACTION: Readonly<Record<string, string>> = {
	'listing.hide': 'listingRemoved',
	'listing.reject': 'listingRejected',
	'listing.requestChanges': 'listingChangesRequested',
	'listing.reinstate': 'listingReinstated',
	'flag.hidden': 'reportUpheld',
	'flag.dismissed': 'reportDismissed',
	'member.warn': 'memberWarned',
	'member.suspend': 'memberSuspended',
	'member.reinstate': 'memberReinstated'
};

export const DECISION_KINDS = [
	'listingRemoved',
	'listingRejected',
	'listingChangesRequested',
	'listingReinstated',
	'reportUpheld',
	'reportDismissed',
	'memberWarned',
	'memberSuspended',
	'memberReinstated'
] as const;

/** The decision kind of an audit action, or null for an act that is not a moderation decision. */
export function decisionKind(action: string): string | null {
	return DECISION_KIND_OF_ACTION[action] ?? null;
}
