import { describe, expect, it } from 'vitest';
import {
	copyYearDue,
	countDac7,
	euroSaleAllowed,
	excludedAsSmallGoodsSeller,
	missingSellerFields,
	nextSellerTaxData,
	sellerDataKeptUntil,
	sellerDataStep,
	sum,
	type NoticeKind,
	type SaleFact,
	type SellerTaxDetails
} from './dac7';
import { reportCsv, reportJson, reportRow, reportXml, type Dac7Report } from './dac7-report';

const TZ = 'Europe/Berlin';
const OFF = { hoursAreConsideration: false, hourValueCents: 0 };

let n = 0;
function sale(
	sellerId: string,
	at: string,
	cents: number,
	extra: Partial<SaleFact> = {}
): SaleFact {
	return {
		exchangeId: `x${++n}`,
		quarterId: 'nordstadt',
		sellerId,
		settledAt: new Date(at),
		settlement: 'euros',
		amountCents: cents,
		feeCents: 0,
		refundedCents: 0,
		minutes: 0,
		...extra
	};
}

/** A seeded year: a bakery selling every month, a bike shop four times, a neighbour in hours. */
function seededYear(): SaleFact[] {
	const facts: SaleFact[] = [];
	for (let month = 1; month <= 12; month++) {
		const mm = String(month).padStart(2, '0');
		facts.push(sale('baeckerei', `2026-${mm}-10T10:00:00Z`, 2_500));
		facts.push(sale('baeckerei', `2026-${mm}-20T10:00:00Z`, 1_000, { feeCents: 50 }));
	}
	facts.push(sale('speiche', '2026-02-01T10:00:00Z', 4_000));
	facts.push(sale('speiche', '2026-05-01T10:00:00Z', 6_000, { refundedCents: 6_000 }));
	facts.push(sale('speiche', '2026-08-01T10:00:00Z', 8_000, { refundedCents: 2_000 }));
	facts.push(sale('speiche', '2026-11-01T10:00:00Z', 3_000, { quarterId: 'lindenhof' }));
	facts.push(
		sale('anna', '2026-03-03T10:00:00Z', 0, { settlement: 'hours', minutes: 90 }),
		sale('anna', '2026-07-03T10:00:00Z', 0, { settlement: 'hours', minutes: 30 })
	);
	// Other years, and the turn of the year on the German clock (23:30 UTC on 31 Dec is 2027).
	facts.push(sale('baeckerei', '2025-12-31T12:00:00Z', 9_999));
	facts.push(sale('baeckerei', '2026-12-31T23:30:00Z', 7_777));
	facts.push(sale('baeckerei', '2025-12-31T23:30:00Z', 1_234)); // 1 January 2026 in Berlin
	return facts;
}

describe('counting relevant activities (PStTG / DAC7)', () => {
	it('counts euro sales per seller and quarter of the year, net of fees and refunds', () => {
		const sellers = countDac7(seededYear(), 2026, OFF, TZ);
		expect(sellers.map((s) => s.sellerId)).toEqual(['baeckerei', 'speiche']);
		const [bakery, bikes] = sellers;
		expect(bakery!.total.activities).toEqual([7, 6, 6, 6]);
		expect(bakery!.total.considerationCents).toEqual([
			1_234 + 3 * 2_500 + 3 * 950,
			3 * 3_450,
			3 * 3_450,
			3 * 3_450
		]);
		expect(bakery!.total.feesCents).toEqual([150, 150, 150, 150]);
		expect(bikes!.total.activities).toEqual([1, 0, 1, 1]); // the refunded sale is not counted
		expect(bikes!.total.considerationCents).toEqual([4_000, 0, 6_000, 3_000]);
		expect(Object.keys(bikes!.byQuarter).sort()).toEqual(['lindenhof', 'nordstadt']);
		expect(bikes!.byQuarter.lindenhof!.activities).toEqual([0, 0, 0, 1]);
		expect(bikes!.euroActivities).toBe(3);
	});

	it('counts hours only when the operator says they are consideration', () => {
		const on = countDac7(
			seededYear(),
			2026,
			{ hoursAreConsideration: true, hourValueCents: 1_200 },
			TZ
		);
		const anna = on.find((s) => s.sellerId === 'anna')!;
		expect(anna.total.activities).toEqual([1, 0, 1, 0]);
		expect(anna.total.considerationCents).toEqual([1_800, 0, 600, 0]);
		expect(anna.hourActivities).toBe(2);
		expect(countDac7(seededYear(), 2026, OFF, TZ).some((s) => s.sellerId === 'anna')).toBe(false);
	});

	it('counts an exchange read twice once', () => {
		const one = sale('x', '2026-04-01T10:00:00Z', 1_000);
		expect(sum(countDac7([one, one], 2026, OFF, TZ)[0]!.total.activities)).toBe(1);
	});

	it('never excludes a seller of personal services, however small', () => {
		const [tiny] = countDac7([sale('tiny', '2026-04-01T10:00:00Z', 500)], 2026, OFF, TZ);
		expect(excludedAsSmallGoodsSeller(tiny!, 'services')).toBe(false);
		expect(excludedAsSmallGoodsSeller(tiny!, 'goods')).toBe(true);
	});
});

const individual: SellerTaxDetails = {
	kind: 'individual',
	firstName: 'Anna',
	lastName: 'Beispiel',
	birthDate: '1980-02-29',
	address: 'Lindenstraße 1\n30159 Hannover',
	tin: '12345678901',
	tinCountry: 'DE',
	vatId: ''
};

describe('seller data', () => {
	it('names what is missing for individuals and entities', () => {
		expect(missingSellerFields(null, null)).toEqual(['kind']);
		expect(missingSellerFields(individual, null)).toEqual([]);
		expect(missingSellerFields({ ...individual, birthDate: '', tin: ' ' }, null)).toEqual([
			'birthDate',
			'tin'
		]);
		const entity = { ...individual, kind: 'entity' as const, firstName: '', birthDate: '' };
		expect(missingSellerFields(entity, null)).toEqual(['legalName', 'traderAddress']);
		expect(
			missingSellerFields(entity, {
				legalName: 'Speiche GmbH',
				address: 'Weg 2',
				registerNumber: ''
			})
		).toEqual([]);
	});

	it('stores a new version only when something changed', () => {
		const first = nextSellerTaxData(null, 'u', individual, 1, new Date())!;
		expect(first.seq).toBe(1);
		expect(nextSellerTaxData(first, 'u', { ...individual }, 2, new Date())).toBeNull();
		expect(nextSellerTaxData(first, 'u', { ...individual, tin: '1' }, 2, new Date())?.seq).toBe(2);
	});
});

describe('reminders and the pause (§ 23 PStTG)', () => {
	const asked = new Date('2026-03-01T00:00:00Z');
	const day = (d: number) => new Date(asked.getTime() + d * 86_400_000);
	const step = (sent: NoticeKind[], at: Date, complete = false) =>
		sellerDataStep({ complete, requestedAt: asked, sent: new Set(sent) }, at);

	it.each([
		[[], 0, 'request', false],
		[['request'], 19, null, false],
		[['request'], 20, 'reminder1', false],
		[['request', 'reminder1'], 39, null, false],
		[['request', 'reminder1'], 40, 'reminder2', false],
		[['request', 'reminder1', 'reminder2'], 59, null, false],
		[['request', 'reminder1', 'reminder2'], 60, 'paused', true],
		[['request', 'reminder1', 'reminder2', 'paused'], 200, null, true],
		// A reminder that could not go out in time holds the pause back: two reminders first.
		[['request', 'reminder1'], 90, 'reminder2', false]
	] as const)('sent %j, day %i: due %s, paused %s', (sent, d, due, paused) => {
		const s = step([...sent], day(d));
		expect(s.due).toBe(due);
		expect(s.paused).toBe(paused);
		expect(euroSaleAllowed(s)).toBe(!paused);
	});

	it('ends with complete data, and lifts a pause at once', () => {
		const s = step(['request', 'reminder1', 'reminder2', 'paused'], day(100), true);
		expect(s).toEqual({ due: null, paused: false, pauseFrom: null });
	});

	it('tells sellers about their copy in January, for the year before', () => {
		expect(copyYearDue(new Date('2027-01-05T10:00:00Z'), TZ)).toBe(2026);
		expect(copyYearDue(new Date('2026-12-31T23:30:00Z'), TZ)).toBe(2026); // 1 January in Berlin
		expect(copyYearDue(new Date('2027-02-01T10:00:00Z'), TZ)).toBeNull();
	});

	it('keeps seller data ten full years after the year of the deletion', () => {
		expect(sellerDataKeptUntil(new Date('2026-12-03T10:00:00Z')).toISOString()).toBe(
			'2037-01-01T00:00:00.000Z'
		);
	});
});

describe('the report', () => {
	const [bakery] = countDac7(seededYear(), 2026, OFF, TZ);
	const complete = reportRow(bakery!, { displayName: 'Bäckerei', data: individual, trader: null });
	const missing = reportRow(
		{ ...bakery!, sellerId: 'eckbank' },
		{ displayName: 'Café Eckbank', data: null, trader: null }
	);
	const report: Dac7Report = {
		year: 2026,
		operator: {
			operatorName: 'Quartiermarkt e. V.',
			operatorAddress: 'Am Markt 1',
			operatorTin: '2312345678'
		},
		hoursAreConsideration: false,
		rows: [complete, missing]
	};

	it('writes every seller as a CSV line with the missing fields named', () => {
		const lines = reportCsv(report).trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toContain('consideration_eur_q1');
		expect(lines[1]).toContain('"Lindenstraße 1, 30159 Hannover"');
		expect(lines[2]).toMatch(/,kind$/);
	});

	it('writes JSON with amounts in euros', () => {
		const json = JSON.parse(reportJson(report));
		expect(json.sellers[0].considerationEur[1]).toBe('103.50');
		expect(json.sellers[1].complete).toBe(false);
	});

	it('writes the DPI XML with complete sellers only, escaped', () => {
		const xml = reportXml(
			{ ...report, rows: [{ ...complete, lastName: 'B<&>' }, missing] },
			'DE-2026-1',
			new Date('2027-01-15T09:00:00Z')
		);
		expect(xml).toContain('<DPI_OECD version="1.0" xmlns="urn:oecd:ties:dpi:v1">');
		expect(xml.match(/<ReportableSeller>/g)).toHaveLength(1);
		expect(xml).toContain('<LastName>B&lt;&amp;&gt;</LastName>');
		expect(xml).toContain('<NumbQ1>7</NumbQ1>');
		expect(xml).toContain('<ReportingPeriod>2026-12-31</ReportingPeriod>');
	});
});
