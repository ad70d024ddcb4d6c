// The legal texts and the rules acceptances (issue 13, item 1). The platform administrator saves
// versions of the Impressum, the privacy notice and the rules; the quarter management saves its
// quarter's house rules; members accept the rules at sign-up and again after a change of
// substance. All three are insert-only logs on the shared mechanism (server/logs).
import {
	currentVersion,
	houseStream,
	nextVersion,
	platformStream,
	requiredRulesVersion,
	textIn,
	type LegalDocument,
	type LegalHistory,
	type LegalTexts,
	type LegalVersion
} from '../../domain/legal/documents';
import {
	acceptedVersion,
	mustAcceptRules,
	nextAcceptance,
	type RulesAcceptance
} from '../../domain/legal/acceptance';
import { legalTemplate, type TemplateFacts } from '../../domain/legal/templates';
import type { Locale } from '../../domain/locale';
import { env } from '../env';
import { entryList, Log } from '../logs';
import { renderDocumentMarkdown } from '../markdown';
import { paymentsEnabled } from '../payments/stripe';
import { legalVersionStore, rulesAcceptanceStore } from '../repos/legal';
import { listQuarters } from '../repos/quarters';
import { hostOf } from './platform';

/** Every document's versions; a stream is `platform:<document>` or `house:<quarterId>`. A saved
 * version reaches the other servers within 2 s (read-your-writes for the one who saved it). */
const versions = new Log<LegalHistory, LegalVersion>({
	name: 'legal-versions',
	store: legalVersionStore,
	seqOf: (version) => version.seq,
	...entryList<LegalVersion>(),
	freshMs: 2_000,
	maxStreams: 1_000
});

/** Each person's acceptances of the rules; a stream is a user id. Read on every page a signed-in
 * person opens, so kept in memory and checked again after 5 s (at once for the person's own). */
const acceptances = new Log<RulesAcceptance[], RulesAcceptance>({
	name: 'rules-acceptances',
	store: rulesAcceptanceStore,
	seqOf: (entry) => entry.seq,
	...entryList<RulesAcceptance>(),
	freshMs: 5_000,
	maxStreams: 20_000
});

export function templateFacts(): TemplateFacts {
	return {
		cardPayments: paymentsEnabled(),
		mailHost: env.SMTP_URL ? hostOf(env.SMTP_URL) : null,
		retention: {
			notificationsDays: env.RETENTION_NOTIFICATIONS_DAYS,
			conversationsDays: env.RETENTION_CONVERSATIONS_DAYS,
			expiredDays: env.RETENTION_EXPIRED_DAYS
		}
	};
}

export interface LegalText {
	document: LegalDocument;
	/** 0 while the template is shown. */
	version: number;
	savedAt: Date | null;
	texts: LegalTexts;
}

/** A document's current texts: the newest version, or the template (version 0). */
export async function legalText(document: LegalDocument): Promise<LegalText> {
	const current = currentVersion(await versions.read(platformStream(document)));
	if (current) {
		return { document, version: current.seq, savedAt: current.at, texts: current.texts };
	}
	return { document, version: 0, savedAt: null, texts: legalTemplate(document, templateFacts()) };
}

/** The document as HTML in a language (sanitised Markdown). */
export async function legalPage(
	document: LegalDocument,
	locale: Locale
): Promise<{ version: number; savedAt: Date | null; html: string }> {
	const text = await legalText(document);
	return {
		version: text.version,
		savedAt: text.savedAt,
		html: renderDocumentMarkdown(textIn(text.texts, locale))
	};
}

export interface VersionSummary {
	seq: number;
	substantial: boolean;
	by: string;
	at: Date;
}

/** Every saved version of a document, newest first, without the texts. */
export async function legalHistory(document: LegalDocument): Promise<VersionSummary[]> {
	return summaries(await versions.read(platformStream(document)));
}

function summaries(history: LegalHistory): VersionSummary[] {
	return history.map(({ seq, substantial, by, at }) => ({ seq, substantial, by, at })).reverse();
}

export type SaveResult =
	{ ok: true; version: LegalVersion } | { ok: false; problem: 'unchanged' | 'contention' };

async function save(
	stream: string,
	input: { texts: LegalTexts; substantial: boolean },
	by: string,
	now: Date
): Promise<SaveResult> {
	const result = await versions.append(stream, (history, seq) => {
		const next = nextVersion(history, stream, { ...input, by }, seq, now);
		return next.ok ? { ok: true, entry: next.version } : next;
	});
	return result.ok ? { ok: true, version: result.entry } : result;
}

/** A new version of a platform document (the admin area checks that `by` administers). Only
 * the rules ask members again, and only when `substantial`. */
export function saveLegalText(
	document: LegalDocument,
	input: { texts: LegalTexts; substantial: boolean },
	by: string,
	now: Date
): Promise<SaveResult> {
	return save(platformStream(document), input, by, now);
}

// ---- a quarter's house rules -------------------------------------------------------------------

export async function houseRulesText(quarterId: string): Promise<LegalText | null> {
	const current = currentVersion(await versions.read(houseStream(quarterId)));
	return current
		? { document: 'rules', version: current.seq, savedAt: current.at, texts: current.texts }
		: null;
}

export async function houseRulesHistory(quarterId: string): Promise<VersionSummary[]> {
	return summaries(await versions.read(houseStream(quarterId)));
}

/** A new version of a quarter's house rules (the cockpit checks the quarter management). An
 * empty German text withdraws them. They are shown under the platform's rules; accepting the
 * rules is asked for the platform's rules only (docs/legal.md). */
export function saveHouseRules(
	quarterId: string,
	texts: LegalTexts,
	by: string,
	now: Date
): Promise<SaveResult> {
	return save(houseStream(quarterId), { texts, substantial: false }, by, now);
}

/** Every quarter's house rules that say something, as HTML, for /regeln. */
export async function allHouseRules(
	locale: Locale
): Promise<Array<{ quarterId: string; quarterName: string; html: string }>> {
	const quarters = await listQuarters();
	const out: Array<{ quarterId: string; quarterName: string; html: string }> = [];
	for (const quarter of quarters) {
		const text = await houseRulesText(quarter.id);
		const source = text ? textIn(text.texts, locale) : '';
		if (source.trim() !== '') {
			out.push({
				quarterId: quarter.id,
				quarterName: quarter.name,
				html: renderDocumentMarkdown(source)
			});
		}
	}
	return out.sort((a, b) => a.quarterName.localeCompare(b.quarterName, 'de'));
}

// ---- accepting the rules -----------------------------------------------------------------------

/** The rules version every member must have accepted (0 = the template). */
export async function requiredRules(): Promise<number> {
	return requiredRulesVersion(await versions.read(platformStream('rules')));
}

/** Whether the person must accept the rules before anything else. */
export async function mustAccept(userId: string): Promise<boolean> {
	const [required, entries] = await Promise.all([requiredRules(), acceptances.read(userId)]);
	return mustAcceptRules(required, acceptedVersion(entries));
}

/** What is on record for a person: the newest version accepted and when. */
export async function rulesAcceptance(
	userId: string
): Promise<{ version: number; at: Date } | null> {
	const entries = await acceptances.read(userId);
	const version = acceptedVersion(entries);
	if (version === null) return null;
	const entry = entries.findLast((e) => e.version === version)!;
	return { version, at: entry.at };
}

/**
 * Records that the person accepted this rules version (insert-only; accepting a version already
 * on record, or an older one, adds nothing). `version` is the one the page showed: a newer
 * version saved in between is therefore asked for again.
 */
export async function acceptRules(
	userId: string,
	version: number,
	via: RulesAcceptance['via'],
	now: Date
): Promise<{ ok: true } | { ok: false; problem: 'contention' }> {
	const result = await acceptances.append<never>(userId, (entries, seq) => {
		const next = nextAcceptance(entries, { userId, version, via }, seq, now);
		return next ? { ok: true, entry: next } : { ok: true, existing: entries.at(-1)! };
	});
	return result.ok ? { ok: true } : { ok: false, problem: 'contention' };
}
