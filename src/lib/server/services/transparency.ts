// The transparency report (/transparenz, Art. 24 DSA with Art. 15): yearly counts from the
// records the app keeps anyway. One function per source turns its records into facts; a new
// source adds its function to SOURCES and its labels to the messages
// (`transparency_source_<source>`, `transparency_kind_<source>_<kind>`), nothing else.
import type { AUDIT_ACTIONS } from '../../domain/audit/actions';
import {
	DECISION_KIND_OF_ACTION,
	DECISION_KINDS,
	REPORT_KINDS,
	transparencyTable,
	type TransparencyFact,
	type TransparencyTable
} from '../../domain/legal/transparency';
import { NOTICE_SOURCES } from '../../domain/notices/figures';
import { auditTimes, reportTimes } from '../repos/transparency';
import { notices } from './notices';

/** A set of records and the sections of the page its facts fill. */
interface Source {
	sections: ReadonlyArray<{ source: string; kinds: readonly string[]; median?: boolean }>;
	facts(): Promise<TransparencyFact[]>;
}

/** Member reports (flags), by what they are about. */
async function memberReportFacts(): Promise<TransparencyFact[]> {
	return (await reportTimes()).map(({ type, at }) => ({ source: 'reports', kind: type, at }));
}

/** The quarter management's moderation decisions, from the audit log. */
async function decisionFacts(): Promise<TransparencyFact[]> {
	const actions = Object.keys(DECISION_KIND_OF_ACTION) as Array<(typeof AUDIT_ACTIONS)[number]>;
	return (await auditTimes(actions)).map(({ action, at }) => ({
		source: 'decisions',
		kind: DECISION_KIND_OF_ACTION[action]!,
		at
	}));
}

const SOURCES: readonly Source[] = [
	{ sections: [{ source: 'reports', kinds: REPORT_KINDS }], facts: memberReportFacts },
	{ sections: [{ source: 'decisions', kinds: DECISION_KINDS }], facts: decisionFacts },
	// DSA notices, their decisions and complaints: one read of the notice logs fills four sections.
	{ sections: NOTICE_SOURCES, facts: () => notices.transparencyFacts() }
];

/** Counting reads whole collections: the page is built at most every 10 minutes per server. */
const CACHE_MS = 10 * 60 * 1000;
let cached: { at: number; table: TransparencyTable } | null = null;

export async function transparencyReport(now = new Date()): Promise<TransparencyTable> {
	if (cached && now.getTime() - cached.at < CACHE_MS && now.getTime() >= cached.at) {
		return cached.table;
	}
	const facts = (await Promise.all(SOURCES.map((s) => s.facts()))).flat();
	const table = transparencyTable(
		SOURCES.flatMap((s) => s.sections),
		facts,
		now
	);
	cached = { at: now.getTime(), table };
	return table;
}
