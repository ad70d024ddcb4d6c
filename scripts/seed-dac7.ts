// PStTG / DAC7 demo data (issue 16 item 8): three Nordstadt businesses sell services for euros
// this year, paid at the counter. Two gave their seller data (the bicycle workshop as a company,
// the tailor's as a sole trader), the café did not: the admin's report lists it as missing and
// "Mein Konto" tells it why. Runs once (a marker), so seeding again adds nothing.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import { findUserWithPasswordByEmail } from '../src/lib/server/repos/users';
import { claimOnce } from '../src/lib/server/repos/tokens';
import { saveDac7Settings, saveSellerTaxData } from '../src/lib/server/services/dac7';
import { exchanges, type ExchangeResult } from '../src/lib/server/services/exchanges';

const QUARTER_ID = 'nordstadt';
const ORIGIN = 'http://localhost:5173';
const DAY = 24 * 60 * 60 * 1000;
/** Neighbours who buy (active residents of the demo). */
const BUYERS = ['anna.becker', 'mehmet.yilmaz', 'jonas.hoffmann', 'lena.schulz'];

/** The demo's DAC7 sellers (e-mail local part) with their sales: title and euros. */
export const DAC7_SELLERS = {
	speiche: [
		['Fahrrad-Inspektion', 45],
		['Schlauch und Mantel wechseln', 28],
		['Bremsen einstellen', 22],
		['Lastenrad warten', 60]
	],
	faden: [
		['Hose kürzen', 15],
		['Reißverschluss einnähen', 18],
		['Vorhänge nähen', 70]
	],
	eckbank: [
		['Kuchen für das Hoffest backen', 35],
		['Frühstück für die Hausversammlung', 48]
	]
} as const;

function ok(result: ExchangeResult, what: string): string {
	if (!result.ok) throw new Error(`DAC7 demo: ${what} refused (${result.problem})`);
	return result.exchange.id;
}

async function userId(localPart: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(`${localPart}@nordstadt.example`));
	if (!user) throw new Error(`DAC7 demo: ${localPart}@nordstadt.example is missing`);
	return user.id;
}

export async function seedDac7(log: (line: string) => void, now: Date): Promise<void> {
	if (!(await claimOnce('seed:dac7', now))) return;
	const yearStart = Date.UTC(now.getUTCFullYear(), 0, 10);
	const span = Math.max(now.getTime() - 3 * DAY - yearStart, DAY);
	const buyers = await Promise.all(BUYERS.map(userId));
	let sales = 0;
	for (const [local, list] of Object.entries(DAC7_SELLERS)) {
		const seller = await userId(local);
		for (const [i, [title, euros]] of list.entries()) {
			// Spread over the year so far, so that several quarters of the year have sales.
			const at = new Date(yearStart + Math.floor((span * i) / list.length));
			const buyer = buyers[(sales + i) % buyers.length]!;
			const id = ok(
				await exchanges.propose({
					actorId: buyer,
					quarterId: QUARTER_ID,
					memberId: seller,
					side: 'receiver',
					title,
					minutes: 60,
					settlement: 'euros',
					amountCents: euros * 100,
					origin: ORIGIN,
					now: at
				}),
				'propose'
			);
			const later = (hours: number) => new Date(at.getTime() + hours * 3600 * 1000);
			ok(await exchanges.move(seller, id, 'accept', { now: later(1) }), 'accept');
			ok(await exchanges.move(seller, id, 'markDone', { now: later(24) }), 'markDone');
			ok(await exchanges.move(buyer, id, 'confirm', { minutes: 60, now: later(25) }), 'confirm');
			ok(await exchanges.move(buyer, id, 'cashPaid', { now: later(26) }), 'cashPaid');
			ok(await exchanges.move(seller, id, 'cashPaid', { now: later(27) }), 'cashPaid');
			sales++;
		}
	}
	// The bicycle workshop is a company: name, address and register number come from its trader
	// identity (seed.ts); it adds its tax number and VAT id.
	await saveSellerTaxData(
		await userId('speiche'),
		{
			kind: 'entity',
			firstName: '',
			lastName: '',
			birthDate: '',
			address: '',
			tin: '25/123/45678',
			tinCountry: 'DE',
			vatId: 'DE123456789'
		},
		now
	);
	// The tailor's is a sole trader: a natural person in the report.
	await saveSellerTaxData(
		await userId('faden'),
		{
			kind: 'individual',
			firstName: 'Fatma',
			lastName: 'Faden',
			birthDate: '1975-06-14',
			address: 'Lindenstraße 12\n30159 Hannover',
			tin: '57549285017',
			tinCountry: 'DE',
			vatId: ''
		},
		now
	);
	await saveDac7Settings(
		{
			hoursAreConsideration: false,
			hourValueCents: 0,
			operatorName: 'Quartiermarkt Nordstadt e. V.',
			operatorAddress: 'Am Marktplatz 1\n30159 Hannover',
			operatorTin: '25/200/00001'
		},
		'system',
		now
	);
	log(`  DAC7: ${sales} euro sales of 3 businesses, 2 with seller data, the café without`);
}
