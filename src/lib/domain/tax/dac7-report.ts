// The annual PStTG / DAC7 report (§ 14 PStTG) as rows, CSV, JSON and XML. The XML follows the
// element names of the OECD's DPI XML Schema v1.0 (namespace urn:oecd:ties:dpi:v1), on which
// the BZSt's data set rests; the BZSt's own transmission frame (DIP, "Kommunikationshandbuch
// DAC7/DPI") is not public enough to be rebuilt here, so the file is checked by the operator
// before upload (docs/trust-and-tax.md, section 7, lists every field and its element).
import {
	missingSellerFields,
	sum,
	type Dac7Settings,
	type EntityIdentity,
	type Figures,
	type PerQuarter,
	type SellerField,
	type SellerTaxDetails,
	type SellerYear
} from './dac7';

/** What the report knows about one seller besides the figures. */
export interface SellerRecord {
	displayName: string;
	data: SellerTaxDetails | null;
	trader: EntityIdentity | null;
}

/** One seller's line of the report: every field § 14 Abs. 2 PStTG asks for, flat. */
export interface ReportRow {
	sellerId: string;
	kind: 'individual' | 'entity' | '';
	/** Individuals: first and last name; entities: legal name in `name`. */
	firstName: string;
	lastName: string;
	name: string;
	address: string;
	birthDate: string;
	tin: string;
	tinCountry: string;
	vatId: string;
	registerNumber: string;
	activities: PerQuarter;
	considerationCents: PerQuarter;
	feesCents: PerQuarter;
	/** The Quartiere the activities took place in (informational, not a DAC7 field). */
	quarters: string[];
	missing: SellerField[];
}

export interface Dac7Report {
	year: number;
	operator: Pick<Dac7Settings, 'operatorName' | 'operatorAddress' | 'operatorTin'>;
	hoursAreConsideration: boolean;
	rows: ReportRow[];
}

export function reportRow(seller: SellerYear, record: SellerRecord): ReportRow {
	const data = record.data;
	const entity = data?.kind === 'entity';
	return {
		sellerId: seller.sellerId,
		kind: data?.kind ?? '',
		firstName: entity ? '' : (data?.firstName ?? ''),
		lastName: entity ? '' : (data?.lastName ?? ''),
		name: entity
			? (record.trader?.legalName ?? '')
			: [data?.firstName, data?.lastName].filter(Boolean).join(' ') || record.displayName,
		address: entity ? (record.trader?.address ?? '') : (data?.address ?? ''),
		birthDate: entity ? '' : (data?.birthDate ?? ''),
		tin: data?.tin ?? '',
		tinCountry: data?.tinCountry ?? '',
		vatId: data?.vatId ?? '',
		registerNumber: entity ? (record.trader?.registerNumber ?? '') : '',
		activities: seller.total.activities,
		considerationCents: seller.total.considerationCents,
		feesCents: seller.total.feesCents,
		quarters: Object.keys(seller.byQuarter).sort(),
		missing: missingSellerFields(data, record.trader)
	};
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The CSV columns, in order; docs/trust-and-tax.md maps each to its DPI element. */
export const CSV_COLUMNS = [
	'seller_id',
	'kind',
	'first_name',
	'last_name',
	'name',
	'address',
	'birth_date',
	'tin',
	'tin_country',
	'vat_id',
	'register_number',
	...[1, 2, 3, 4].map((q) => `activities_q${q}`),
	...[1, 2, 3, 4].map((q) => `consideration_eur_q${q}`),
	...[1, 2, 3, 4].map((q) => `fees_eur_q${q}`),
	'activities_total',
	'consideration_eur_total',
	'quarters',
	'missing'
] as const;

function cell(value: string | number): string {
	let text = String(value);
	// A spreadsheet must not run a formula from a name or an address.
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Comma-separated, UTF-8, one line per seller; amounts in euros with a decimal point. */
export function reportCsv(report: Dac7Report): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const r of report.rows) {
		lines.push(
			[
				r.sellerId,
				r.kind,
				r.firstName,
				r.lastName,
				r.name,
				r.address.replaceAll(/\s*\n\s*/g, ', '),
				r.birthDate,
				r.tin,
				r.tinCountry,
				r.vatId,
				r.registerNumber,
				...r.activities,
				...r.considerationCents.map(euros),
				...r.feesCents.map(euros),
				sum(r.activities),
				euros(sum(r.considerationCents)),
				r.quarters.join(' '),
				r.missing.join(' ')
			]
				.map(cell)
				.join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

/** The same content as JSON, amounts in cents and in euros. */
export function reportJson(report: Dac7Report): string {
	return JSON.stringify(
		{
			format: 'quartiermarkt-dac7/1',
			reportingPeriod: `${report.year}-12-31`,
			currency: 'EUR',
			relevantActivity: 'PersonalServices',
			hoursAreConsideration: report.hoursAreConsideration,
			platformOperator: report.operator,
			sellers: report.rows.map((r) => ({
				...r,
				considerationEur: r.considerationCents.map(euros),
				feesEur: r.feesCents.map(euros),
				complete: r.missing.length === 0
			}))
		},
		null,
		2
	);
}

function esc(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');
}

const el = (name: string, content: string, attrs = '') => `<${name}${attrs}>${content}</${name}>`;

function address(text: string, country = 'DE'): string {
	const free = text.replaceAll(/\s*\n\s*/g, ', ').trim();
	return el('Address', el('CountryCode', country) + el('AddressFree', esc(free)));
}

function quarters(tag: string, inner: (q: number) => string): string {
	return [1, 2, 3, 4].map((q) => el(`${tag}${q}`, inner(q - 1))).join('');
}

function activitiesXml(
	f: Pick<Figures, 'activities' | 'considerationCents' | 'feesCents'>
): string {
	const money = (cents: number) => el('MonAmnt', euros(cents), ' currCode="EUR"');
	return el(
		'RelevantActivities',
		el(
			'PersonalServices',
			el(
				'Consideration',
				quarters('ConsQ', (q) => money(f.considerationCents[q]!))
			) +
				el(
					'NumberOfActivities',
					quarters('NumbQ', (q) => String(f.activities[q]!))
				) +
				el(
					'Fees',
					quarters('FeesQ', (q) => money(f.feesCents[q]!))
				) +
				el(
					'Taxes',
					quarters('TaxQ', () => money(0))
				)
		)
	);
}

function identityXml(r: ReportRow): string {
	const tin = el('TIN', esc(r.tin), ` issuedBy="${esc(r.tinCountry || 'DE')}"`);
	if (r.kind === 'entity') {
		return el(
			'EntitySeller',
			el(
				'Standard',
				el(
					'EntSellerID',
					el('ResCountryCode', esc(r.tinCountry || 'DE')) +
						tin +
						(r.vatId ? el('VAT', esc(r.vatId)) : '') +
						(r.registerNumber ? el('IN', esc(r.registerNumber)) : '') +
						el('Name', esc(r.name)) +
						address(r.address)
				)
			)
		);
	}
	return el(
		'IndividualSeller',
		el(
			'Standard',
			el(
				'IndSellerID',
				el('ResCountryCode', esc(r.tinCountry || 'DE')) +
					tin +
					(r.vatId ? el('VAT', esc(r.vatId)) : '') +
					el('Name', el('FirstName', esc(r.firstName)) + el('LastName', esc(r.lastName))) +
					address(r.address) +
					el('BirthInfo', el('BirthDate', esc(r.birthDate)))
			)
		)
	);
}

/**
 * The report in the DPI XML structure. Sellers with missing data are left out of the XML (it
 * would not validate); the CSV and JSON list them, and the admin page names them.
 */
export function reportXml(report: Dac7Report, messageRefId: string, timestamp: Date): string {
	const year = report.year;
	const doc = (id: string) =>
		el('DocSpec', el('DocTypeIndic', 'OECD1') + el('DocRefId', esc(`${messageRefId}-${id}`)));
	const sellers = report.rows
		.filter((r) => r.missing.length === 0)
		.map((r) =>
			el('ReportableSeller', el('Identity', identityXml(r)) + activitiesXml(r) + doc(r.sellerId))
		)
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		el(
			'DPI_OECD',
			el(
				'MessageSpec',
				el('SendingEntityIN', esc(report.operator.operatorTin)) +
					el('TransmittingCountry', 'DE') +
					el('ReceivingCountry', 'DE') +
					el('MessageType', 'DPI') +
					el('MessageRefId', esc(messageRefId)) +
					el('MessageTypeIndic', 'DPI401') +
					el('ReportingPeriod', `${year}-12-31`) +
					el('Timestamp', timestamp.toISOString().slice(0, 19))
			) +
				el(
					'DPIBody',
					el(
						'PlatformOperator',
						el('ResCountryCode', 'DE') +
							el('TIN', esc(report.operator.operatorTin), ' issuedBy="DE"') +
							el('Name', esc(report.operator.operatorName)) +
							address(report.operator.operatorAddress) +
							el('Nexus', 'RPONEX1') +
							el('AssumedReporting', 'false') +
							doc('PO')
					) + sellers
				),
			' version="1.0" xmlns="urn:oecd:ties:dpi:v1"'
		) +
		'\n'
	);
}
