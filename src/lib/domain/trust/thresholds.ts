// Every legal threshold and amount the platform relies on, in one dated table (issue 16).
// An entry is valid from its first day to its last day inclusive (`until` null: still valid);
// a change in the law is a new entry, never an edit of an old one, so a Jahresübersicht for an
// earlier year still uses that year's figures. Amounts in euro cents, ages in years.
// The texts built on these figures are information, not legal or tax advice.

/** What a threshold measures. */
export type ThresholdUnit = 'cents' | 'years' | 'count' | 'months' | 'days';

export interface Source {
	/** Citation as printed, e.g. "§ 19 Abs. 1 UStG". */
	title: string;
	/** An official page of the text (gesetze-im-internet.de, bzst.de, bundesfinanzministerium.de …). */
	url: string;
}

export interface Threshold {
	id: ThresholdId;
	value: number;
	unit: ThresholdUnit;
	/** First day of validity, YYYY-MM-DD. */
	from: string;
	/** Last day of validity, YYYY-MM-DD, or null while valid. */
	until: string | null;
	source: Source;
}

/** The names of all thresholds; each section below adds its own. */
export type ThresholdId =
	// Age (item 3)
	| 'age.adult'
	| 'age.minimum_with_consent'
	// Führungszeugnis (item 1)
	| 'vetting.certificate_max_age'
	| 'vetting.validity_default'
	// Turnover tax (item 6)
	| 'vat.small_business.previous_year'
	| 'vat.small_business.current_year'
	// PStTG / DAC7 (item 7)
	| 'dac7.goods_exclusion.sales'
	| 'dac7.goods_exclusion.consideration'
	| 'dac7.enforcement.earliest_days'
	| 'dac7.enforcement.latest_days'
	| 'dac7.retention.years'
	// Jahresübersicht: income from occasional services (item 6)
	| 'income.services.exemption_limit';

const BGB_2 = { title: '§ 2 BGB', url: 'https://www.gesetze-im-internet.de/bgb/__2.html' };
const JARBSCHG_5 = {
	title: '§ 5 Abs. 3 JArbSchG',
	url: 'https://www.gesetze-im-internet.de/jarbschg/__5.html'
};
// The law asks for the certificate "in regelmäßigen Abständen" without figures; three months at
// presentation and five years are the practice of the Jugendämter's agreements under § 72a SGB VIII.
const SGB8_72A = {
	title: '§ 72a SGB VIII mit § 30a BZRG (Praxis der Vereinbarungen)',
	url: 'https://www.gesetze-im-internet.de/sgb_8/__72a.html'
};
const USTG_19 = {
	title: '§ 19 Abs. 1 UStG',
	url: 'https://www.gesetze-im-internet.de/ustg_1980/__19.html'
};
const PSTTG_4 = {
	title: '§ 4 Abs. 5 PStTG',
	url: 'https://www.gesetze-im-internet.de/psttg/__4.html'
};
const PSTTG_23 = {
	title: '§ 23 Satz 2 PStTG',
	url: 'https://www.gesetze-im-internet.de/psttg/__23.html'
};
const PSTTG_24 = {
	title: '§ 24 Abs. 3 PStTG',
	url: 'https://www.gesetze-im-internet.de/psttg/__24.html'
};

// § 22 Nr. 3 Satz 2 EStG (item 6): see the section "income from occasional services" below.
const ESTG_22 = {
	title: '§ 22 Nr. 3 Satz 2 EStG',
	url: 'https://www.gesetze-im-internet.de/estg/__22.html'
};

export const THRESHOLDS: readonly Threshold[] = [
	// ── Age ─────────────────────────────────────────────────────────────────────────────
	{ id: 'age.adult', value: 18, unit: 'years', from: '1975-01-01', until: null, source: BGB_2 },
	// Light work with a parent's consent from 13 (§ 5 Abs. 3 JArbSchG); the platform starts one
	// year later, at 14, the age from which most Zeitbanken and Freiwilligenagenturen take minors.
	{
		id: 'age.minimum_with_consent',
		value: 14,
		unit: 'years',
		from: '1997-03-01',
		until: null,
		source: JARBSCHG_5
	},

	// ── Führungszeugnis (§ 30a BZRG) ───────────────────────────────────────────────────
	{
		id: 'vetting.certificate_max_age',
		value: 3,
		unit: 'months',
		from: '2012-01-01',
		until: null,
		source: SGB8_72A
	},
	{
		id: 'vetting.validity_default',
		value: 60,
		unit: 'months',
		from: '2012-01-01',
		until: null,
		source: SGB8_72A
	},

	// ── Turnover tax: Kleinunternehmerregelung ─────────────────────────────────────────
	// Jahressteuergesetz 2024 raised the limits from 1 January 2025 (and made the current-year
	// limit a hard one).
	{
		id: 'vat.small_business.previous_year',
		value: 2_200_000,
		unit: 'cents',
		from: '2020-01-01',
		until: '2024-12-31',
		source: USTG_19
	},
	{
		id: 'vat.small_business.previous_year',
		value: 2_500_000,
		unit: 'cents',
		from: '2025-01-01',
		until: null,
		source: USTG_19
	},
	{
		id: 'vat.small_business.current_year',
		value: 5_000_000,
		unit: 'cents',
		from: '2020-01-01',
		until: '2024-12-31',
		source: USTG_19
	},
	{
		id: 'vat.small_business.current_year',
		value: 10_000_000,
		unit: 'cents',
		from: '2025-01-01',
		until: null,
		source: USTG_19
	},

	// ── PStTG / DAC7 ─────────────────────────────────────────────────────────────────────
	// The exclusion of small sellers applies to sales of goods only, never to personal services.
	{
		id: 'dac7.goods_exclusion.sales',
		value: 30,
		unit: 'count',
		from: '2023-01-01',
		until: null,
		source: PSTTG_4
	},
	{
		id: 'dac7.goods_exclusion.consideration',
		value: 200_000,
		unit: 'cents',
		from: '2023-01-01',
		until: null,
		source: PSTTG_4
	},
	// Seller data still missing after two reminders: measures not before 60 and at the latest
	// 180 days after the first request.
	{
		id: 'dac7.enforcement.earliest_days',
		value: 60,
		unit: 'days',
		from: '2023-01-01',
		until: null,
		source: PSTTG_23
	},
	{
		id: 'dac7.enforcement.latest_days',
		value: 180,
		unit: 'days',
		from: '2023-01-01',
		until: null,
		source: PSTTG_23
	},
	// Records and the information they rest on are kept for ten years.
	{
		id: 'dac7.retention.years',
		value: 10,
		unit: 'years',
		from: '2023-01-01',
		until: null,
		source: PSTTG_24
	},
	// ── Jahresübersicht: income from occasional services (item 6) ────────────────────────
	// Income from occasional services is not taxed when it was "weniger als 256 Euro im
	// Kalenderjahr" (a Freigrenze: at 256 € the whole amount is taxed). 256 € since the euro
	// (Steuer-Euroglättungsgesetz, from 2002; before: 500 DM). The Wachstumschancengesetz of 2024
	// raised the § 23 EStG limit for private sales to 1,000 €, not this one (docs/trust-and-tax.md).
	{
		id: 'income.services.exemption_limit',
		value: 25_600,
		unit: 'cents',
		from: '2002-01-01',
		until: null,
		source: ESTG_22
	}
];

/** A calendar day as YYYY-MM-DD, the form the table is written in. */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The entry for `id` valid on `day`; throws when the table has none (a gap is a bug). */
export function thresholdOn(
	id: ThresholdId,
	day: Day,
	table: readonly Threshold[] = THRESHOLDS
): Threshold {
	if (!DAY.test(day)) throw new Error(`thresholdOn: "${day}" is not a day (YYYY-MM-DD)`);
	const hits = table.filter(
		(t) => t.id === id && t.from <= day && (t.until === null || day <= t.until)
	);
	if (hits.length !== 1) {
		throw new Error(
			`thresholdOn: ${hits.length} entries for ${id} on ${day}; the table must have exactly one`
		);
	}
	return hits[0] as Threshold;
}

/** The value for `id` valid on `day`. */
export function thresholdValue(id: ThresholdId, day: Day, table?: readonly Threshold[]): number {
	return thresholdOn(id, day, table).value;
}

/** The value valid on the last day of `year` (a year's figures are judged by the year's rules). */
export function thresholdForYear(
	id: ThresholdId,
	year: number,
	table?: readonly Threshold[]
): number {
	return thresholdValue(id, `${year}-12-31`, table);
}

/** Checks the table's shape: no overlaps, no gaps after the first entry, until ≥ from. */
export function tableProblems(table: readonly Threshold[] = THRESHOLDS): string[] {
	const problems: string[] = [];
	const ids = [...new Set(table.map((t) => t.id))];
	for (const id of ids) {
		const rows = table.filter((t) => t.id === id).sort((a, b) => a.from.localeCompare(b.from));
		rows.forEach((row, i) => {
			if (!DAY.test(row.from) || (row.until !== null && !DAY.test(row.until)))
				problems.push(`${id}: bad day`);
			if (row.until !== null && row.until < row.from)
				problems.push(`${id}: ends before it starts (${row.from})`);
			const next = rows[i + 1];
			if (!next) {
				if (row.until !== null) problems.push(`${id}: no entry valid today after ${row.until}`);
				return;
			}
			if (row.until === null || row.until >= next.from)
				problems.push(`${id}: ${row.from} overlaps ${next.from}`);
			else if (dayAfter(row.until) !== next.from) problems.push(`${id}: gap after ${row.until}`);
		});
	}
	return problems;
}

function dayAfter(day: Day): Day {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}
