// The demo quarter's time-bank history (scripts/seed-exchanges.ts). Only these neighbours trade
// in the generated year: the end-to-end tests use the others and reason about their balances.

export const HISTORY_PEOPLE = [
	'ewa.kowalska@nordstadt.example',
	'fatma.demir@nordstadt.example',
	'lukas.schmitt@nordstadt.example',
	'olga.petrenko@nordstadt.example',
	'hannelore.schroder@nordstadt.example',
	'emre.aydin@nordstadt.example',
	'niklas.braun@nordstadt.example',
	'jan.schwarz@nordstadt.example',
	'mia.schmid@nordstadt.example',
	'tobias.kohler@nordstadt.example',
	'agnieszka.nowak@nordstadt.example',
	'samira.el-amin@nordstadt.example',
	'moritz.jager@nordstadt.example'
];

/** What neighbours help each other with, as they would write it. */
export const HISTORY_TITLES = [
	'Einkaufen für die Woche',
	'Begleitung zum Arzttermin',
	'Hilfe beim Umzug in den 3. Stock',
	'Regal aufbauen',
	'Nachhilfe Mathe, 8. Klasse',
	'Deutsch üben beim Spaziergang',
	'Blumen gießen im Urlaub',
	'Katze füttern übers Wochenende',
	'Fahrrad flicken',
	'Lampe anschließen',
	'Formular vom Jobcenter ausfüllen',
	'Kinder vom Kindergarten abholen',
	'Computer einrichten',
	'Smartphone erklären',
	'Kuchen backen fürs Hoffest',
	'Hecke schneiden',
	'Hose kürzen',
	'Bewerbung Korrektur lesen',
	'Wohnung streichen helfen',
	'Vorlesen am Nachmittag',
	'Gemeinschaftsgarten umgraben',
	'Übersetzen beim Elternabend (Türkisch)',
	'Übersetzen beim Amt (Polnisch)',
	'Sperrmüll runtertragen'
];

export interface OpenExchange {
	provider: string;
	receiver: string;
	title: string;
	/** The title of the provider's published offer to propose from, when there is one. */
	listing?: string;
	minutes: number;
	daysAgo: number;
	until: 'proposed' | 'accepted' | 'done' | 'disputed';
	/** For a dispute: the hours the receiver confirms instead. */
	claimedMinutes?: number;
}

export const OPEN_EXCHANGES: OpenExchange[] = [
	{
		provider: 'olga.petrenko@nordstadt.example',
		receiver: 'hannelore.schroder@nordstadt.example',
		title: 'Fenster putzen vor Weihnachten',
		minutes: 120,
		daysAgo: 2,
		until: 'proposed'
	},
	{
		provider: 'niklas.braun@nordstadt.example',
		receiver: 'mia.schmid@nordstadt.example',
		title: 'Waschmaschine anschließen',
		minutes: 60,
		daysAgo: 4,
		until: 'accepted'
	},
	{
		provider: 'samira.el-amin@nordstadt.example',
		receiver: 'ewa.kowalska@nordstadt.example',
		title: 'Begleitung zur Ausländerbehörde',
		minutes: 150,
		daysAgo: 6,
		until: 'done'
	},
	{
		provider: 'tobias.kohler@nordstadt.example',
		receiver: 'lukas.schmitt@nordstadt.example',
		title: 'Laminat im Flur verlegen',
		minutes: 300,
		daysAgo: 9,
		until: 'disputed',
		claimedMinutes: 180
	}
];
