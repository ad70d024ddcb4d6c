// PStTG / DAC7 (issue 16 item 7; docs/trust-and-tax.md, section 7): the sellers' tax data, the
// operator's setting, the § 23 procedure (a request, two reminders, then euro sales pause), the
// annual report for the platform administrator and each seller's own copy.
//
// Seller data is personal data under the strictest rule: only the seller and the platform's
// administrators see it; every look of an administrator is in the audit log; a deleted
// account's seller data is held for the legal period (§ 24 Abs. 3 PStTG) and then purged.
import type { ExchangeRecord } from '../../domain/exchanges/log';
import { paysEuros } from '../../domain/exchanges/workflow';
import type { Locale } from '../../domain/locale';
import { DEFAULT_TIME_ZONE } from '../../domain/time/zone';
import {
	copyYearDue,
	countDac7,
	DEFAULT_DAC7_SETTINGS,
	missingSellerFields,
	NOTICE_KINDS,
	sellerDataKeptUntil,
	sellerDataStep,
	type Dac7Settings,
	type EntityIdentity,
	type NoticeKind,
	type SaleFact,
	type SellerDataStep,
	type SellerField,
	type SellerTaxData,
	type SellerYear
} from '../../domain/tax/dac7';
import { reportRow, type Dac7Report, type ReportRow } from '../../domain/tax/dac7-report';
import * as m from '../../paraglide/messages';
import { newId } from '../ids';
import { Log } from '../logs';
import { appendAudit } from '../repos/audit';
import { claimOnce } from '../repos/tokens';
import {
	dac7SettingsStore,
	insertHold,
	insertNotice,
	latestSellerTaxData,
	listNotices,
	purgeEndedHolds,
	type StoredSettings
} from '../repos/dac7';
import { latestTraderIdentities } from '../repos/legal';
import { listQuarters } from '../repos/quarters';
import { findUserById } from '../repos/users';
import { exchanges as appExchanges, type ExchangeService } from './exchanges';
import { letter, sendMail } from './mail';
import { entityOf, missingOf, sellerTaxData, stepOf } from './dac7-sellers';
import { traderIdentity } from './trader';

const settingsLog = new Log<StoredSettings | null, StoredSettings>({
	name: 'dac7-settings',
	store: dac7SettingsStore,
	seqOf: (s) => s.seq,
	empty: () => null,
	apply: (_current, s) => s,
	freshMs: 2_000,
	maxStreams: 2
});

const PLATFORM = 'platform';

// ── Settings ────────────────────────────────────────────────────────────────────────────────

export async function dac7Settings(): Promise<Dac7Settings> {
	const stored = await settingsLog.read(PLATFORM);
	if (!stored) return { ...DEFAULT_DAC7_SETTINGS };
	const { seq: _s, by: _b, at: _a, ...settings } = stored;
	return { ...DEFAULT_DAC7_SETTINGS, ...settings };
}

export async function saveDac7Settings(
	settings: Dac7Settings,
	by: string,
	now: Date
): Promise<{ ok: true } | { ok: false; problem: 'contention' }> {
	const result = await settingsLog.append<never>(PLATFORM, (_current, seq) => ({
		ok: true,
		entry: { ...settings, seq, by, at: now }
	}));
	if (!result.ok) return { ok: false, problem: 'contention' };
	await audit(by, 'dac7.settingsChanged', PLATFORM, now, {
		hoursAreConsideration: settings.hoursAreConsideration,
		hourValueCents: settings.hourValueCents
	});
	return { ok: true };
}

export { euroSalesAllowed, missingOf, saveSellerTaxData, sellerTaxData } from './dac7-sellers';

// ── Facts from the exchanges ────────────────────────────────────────────────────────────────

/** The settled exchanges as the counting sees them. */
export function saleFactsOf(
	quarterId: string,
	id: string,
	record: ExchangeRecord
): SaleFact | null {
	const e = record.exchange;
	if (e.state !== 'settled') return null;
	const settledAt = e.timeline.find((t) => t.toState === 'settled')?.at;
	if (!settledAt) return null;
	const base = {
		exchangeId: id,
		quarterId,
		sellerId: e.providerId,
		settledAt: new Date(settledAt)
	};
	if (paysEuros(e.settlement) && e.payment) {
		return {
			...base,
			settlement: 'euros',
			amountCents: e.payment.amountCents,
			feeCents: e.payment.feeCents,
			refundedCents: e.refundedCents,
			minutes: 0
		};
	}
	if (e.settlement === 'hours' && (e.settledMinutes ?? 0) > 0) {
		return {
			...base,
			settlement: 'hours',
			amountCents: 0,
			feeCents: 0,
			refundedCents: 0,
			minutes: e.settledMinutes!
		};
	}
	return null;
}

interface Facts {
	sales: SaleFact[];
	/** Each provider's first euro exchange (proposed): when they were first asked for data. */
	firstEuroAt: Map<string, Date>;
}

async function facts(service: ExchangeService): Promise<Facts> {
	const sales: SaleFact[] = [];
	const firstEuroAt = new Map<string, Date>();
	for (const quarter of await listQuarters()) {
		for (const { id, record } of await service.recordsOfQuarter(quarter.id)) {
			const fact = saleFactsOf(quarter.id, id, record);
			if (fact) sales.push(fact);
			const e = record.exchange;
			if (!paysEuros(e.settlement) || e.timeline.length === 0) continue;
			const at = new Date(e.timeline[0]!.at);
			const known = firstEuroAt.get(e.providerId);
			if (!known || at < known) firstEuroAt.set(e.providerId, at);
		}
	}
	return { sales, firstEuroAt };
}

// ── The § 23 procedure (a job of services/maintenance.ts) ───────────────────────────────────

const SUBJECTS: Record<NoticeKind, (l: Locale) => string> = {
	request: (locale) => m.dac7_mail_request_subject({}, { locale }),
	reminder1: (locale) => m.dac7_mail_reminder_subject({}, { locale }),
	reminder2: (locale) => m.dac7_mail_reminder_subject({}, { locale }),
	paused: (locale) => m.dac7_mail_paused_subject({}, { locale })
};

function body(kind: NoticeKind, locale: Locale, date: string): string {
	switch (kind) {
		case 'request':
			return m.dac7_mail_request_body({ date }, { locale });
		case 'reminder1':
			return m.dac7_mail_reminder1_body({ date }, { locale });
		case 'reminder2':
			return m.dac7_mail_reminder2_body({ date }, { locale });
		case 'paused':
			return m.dac7_mail_paused_body({}, { locale });
	}
}

/**
 * Asks every seller with missing data, reminds them twice and tells them when euro sales
 * pause. Each mail goes out once, whichever server runs the job and however often: the mail
 * is sent only by the caller whose insert of `<userId>:<kind>` succeeded.
 */
export async function runDac7Reminders(
	now: Date,
	service: ExchangeService = appExchanges
): Promise<{ sent: number }> {
	const { firstEuroAt, sales } = await facts(service);
	if (firstEuroAt.size === 0) return { sent: 0 };
	const notices = await listNotices();
	let sent = await sendReportCopies(now, sales);
	for (const [userId, firstAt] of firstEuroAt) {
		const mine = notices.filter((n) => n.userId === userId);
		const requestedAt = mine.find((n) => n.kind === 'request')?.requestedAt ?? firstAt;
		if ((await missingOf(userId)).length === 0) continue;
		const step = sellerDataStep(
			{ complete: false, requestedAt, sent: new Set(mine.map((n) => n.kind)) },
			now
		);
		if (!step.due) continue;
		if (!(await insertNotice({ userId, kind: step.due, requestedAt, at: now }))) continue;
		const user = await findUserById(userId);
		if (!user || user.deleted) continue;
		const date = new Intl.DateTimeFormat(user.locale, {
			dateStyle: 'long',
			timeZone: DEFAULT_TIME_ZONE
		}).format(step.pauseFrom!);
		await sendMail(
			{
				to: user.email,
				subject: SUBJECTS[step.due](user.locale),
				text: letter(user.locale, user.displayName, body(step.due, user.locale, date))
			},
			now
		);
		sent++;
	}
	return { sent };
}

/**
 * § 22 Abs. 2 PStTG: in January every seller reported for the year before is told that their
 * copy is ready in "Mein Konto" (once per seller and year, whichever server gets there first).
 */
async function sendReportCopies(now: Date, sales: SaleFact[]): Promise<number> {
	const year = copyYearDue(now, DEFAULT_TIME_ZONE);
	if (year === null) return 0;
	let sent = 0;
	for (const seller of countDac7(sales, year, await dac7Settings(), DEFAULT_TIME_ZONE)) {
		if (!(await claimOnce(`dac7-copy:${year}:${seller.sellerId}`, now))) continue;
		const user = await findUserById(seller.sellerId);
		if (!user || user.deleted) continue;
		const locale = user.locale;
		await sendMail(
			{
				to: user.email,
				subject: m.dac7_mail_copy_subject({ year }, { locale }),
				text: letter(locale, user.displayName, m.dac7_mail_copy_body({ year }, { locale }))
			},
			now
		);
		sent++;
	}
	return sent;
}

/** The kinds in order, for pages that show the procedure. */
export { NOTICE_KINDS };

// ── What a seller sees (Mein Konto) ─────────────────────────────────────────────────────────

export interface SellerView {
	data: SellerTaxData | null;
	trader: EntityIdentity | null;
	missing: SellerField[];
	step: SellerDataStep;
	/** This year's and last year's figures, as they will be reported. */
	years: Array<{ year: number; row: ReportRow | null }>;
}

export async function sellerView(
	userId: string,
	now: Date,
	service: ExchangeService = appExchanges
): Promise<SellerView> {
	const [data, trader, settings, { sales }, step] = await Promise.all([
		sellerTaxData(userId),
		traderIdentity(userId),
		dac7Settings(),
		facts(service),
		stepOf(userId, now)
	]);
	const entity = entityOf(trader);
	const user = await findUserById(userId);
	const mine = sales.filter((s) => s.sellerId === userId);
	const thisYear = Number(now.toISOString().slice(0, 4));
	const years = [thisYear, thisYear - 1].map((year) => {
		const [seller] = countDac7(mine, year, settings, DEFAULT_TIME_ZONE);
		return {
			year,
			row: seller
				? reportRow(seller, { displayName: user?.displayName ?? '', data, trader: entity })
				: null
		};
	});
	return { data, trader: entity, missing: missingSellerFields(data, entity), step, years };
}

// ── The annual report (platform administrators) ─────────────────────────────────────────────

export async function buildReport(
	year: number,
	service: ExchangeService = appExchanges
): Promise<Dac7Report> {
	const [settings, { sales }, data] = await Promise.all([
		dac7Settings(),
		facts(service),
		latestSellerTaxData()
	]);
	const sellers: SellerYear[] = countDac7(sales, year, settings, DEFAULT_TIME_ZONE);
	const traders = await latestTraderIdentities(sellers.map((s) => s.sellerId));
	const rows = await Promise.all(
		sellers.map(async (seller) => {
			const user = await findUserById(seller.sellerId);
			return reportRow(seller, {
				displayName: user?.displayName ?? '',
				data: data.get(seller.sellerId) ?? null,
				trader: entityOf(traders.get(seller.sellerId))
			});
		})
	);
	return {
		year,
		operator: {
			operatorName: settings.operatorName,
			operatorAddress: settings.operatorAddress,
			operatorTin: settings.operatorTin
		},
		hoursAreConsideration: settings.hoursAreConsideration,
		rows
	};
}

/** The report as an administrator opens or downloads it: every look is in the audit log. */
export async function reportForAdmin(
	adminId: string,
	year: number,
	action: 'dac7.reportViewed' | 'dac7.reportDownloaded',
	now: Date,
	format = ''
): Promise<Dac7Report> {
	const report = await buildReport(year);
	await audit(adminId, action, String(year), now, { format, sellers: report.rows.length });
	return report;
}

async function audit(
	actorId: string,
	action: 'dac7.reportViewed' | 'dac7.reportDownloaded' | 'dac7.settingsChanged',
	targetId: string,
	now: Date,
	details: Record<string, string | number | boolean | null>
): Promise<void> {
	await appendAudit({
		id: `dac7:${action}:${newId()}`,
		quarterId: PLATFORM,
		at: now,
		actorId,
		action,
		target: { type: 'dac7', id: targetId },
		reason: '',
		details
	});
}

// ── Retention ───────────────────────────────────────────────────────────────────────────────

/** At account deletion: seller data on record stays for the legal period (then purged), with
 * the trader identity an entity's report rests on (that one is deleted with the profile). */
export async function holdSellerData(userId: string, now: Date): Promise<void> {
	if (!(await sellerTaxData(userId))) return;
	const trader = entityOf(await traderIdentity(userId));
	await insertHold(userId, sellerDataKeptUntil(now), now, trader);
}

export function purgeSellerData(now: Date): Promise<number> {
	return purgeEndedHolds(now);
}
