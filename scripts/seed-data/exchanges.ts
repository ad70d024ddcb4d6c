// The demo quarter's time-bank history (scripts/seed-exchanges.ts). Only these neighbours and
// businesses trade in the generated year: the end-to-end tests use the others and reason about
// their balances.

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
	'moritz.jager@nordstadt.example',
	'renate.otto@nordstadt.example'
];

/** Businesses that sell to neighbours in the history, paid in cash (no end-to-end test uses them). */
export const HISTORY_BUSINESSES = [
	'eckbank@nordstadt.example',
	'aksoy@nordstadt.example',
	'elektro-schulte@nordstadt.example',
	'repaircafe@nordstadt.example'
];

/**
 * When the history's people joined, in days before today: a founding group a good year ago, then
 * one or two a month, and five at once after the summer's street party, so the dashboard's "new
 * members" has a story. Overrides `joinedDaysAgo` in scripts/seed.ts.
 */
export const HISTORY_JOINED_DAYS_AGO: Record<string, number> = {
	'ewa.kowalska@nordstadt.example': 398,
	'fatma.demir@nordstadt.example': 396,
	'lukas.schmitt@nordstadt.example': 394,
	'olga.petrenko@nordstadt.example': 392,
	'hannelore.schroder@nordstadt.example': 390,
	'emre.aydin@nordstadt.example': 388,
	'eckbank@nordstadt.example': 386,
	'aksoy@nordstadt.example': 384,
	'niklas.braun@nordstadt.example': 335,
	'jan.schwarz@nordstadt.example': 305,
	'mia.schmid@nordstadt.example': 275,
	'tobias.kohler@nordstadt.example': 232,
	'agnieszka.nowak@nordstadt.example': 230,
	'samira.el-amin@nordstadt.example': 229,
	'moritz.jager@nordstadt.example': 227,
	'renate.otto@nordstadt.example': 226,
	'elektro-schulte@nordstadt.example': 180,
	'repaircafe@nordstadt.example': 150
};

/** What businesses sell to neighbours, with a price range in euros. */
export const HISTORY_SALES: Array<[title: string, minEuros: number, maxEuros: number]> = [
	['Geburtstagstorte', 18, 35],
	['Frühstück für vier', 24, 40],
	['Lampe reparieren', 15, 45],
	['Steckdose setzen', 35, 80],
	['Fahrrad-Check', 12, 30],
	['Mittagstisch für die Woche', 30, 45],
	['Obstkorb liefern', 15, 25],
	['Kaffee und Kuchen fürs Hoffest', 25, 60]
];

/** Requests neighbours publish (Ich suche), with their category: some find help, some do not. */
export const HISTORY_REQUESTS: Array<[title: string, category: string]> = [
	['Suche Hilfe beim Tapezieren', 'handwerk'],
	['Wer kann meinen Rasen mähen?', 'garten'],
	['Begleitung zum Bürgeramt gesucht', 'senioren'],
	['Nachhilfe Englisch für die 9. Klasse', 'nachhilfe-sprachen'],
	['Wer hilft beim Drucker einrichten?', 'computer-technik'],
	['Suche Fahrt zum Wertstoffhof', 'transport'],
	['Babysitting am Freitagabend', 'kinder-familie'],
	['Hilfe beim Fensterputzen', 'haushalt'],
	['Wasserhahn tropft: wer kennt sich aus?', 'reparatur'],
	['Gesprächspartnerin für Spaziergänge', 'gesundheit-wohlbefinden'],
	['Mitspieler:innen für Skat gesucht', 'kultur-freizeit'],
	['Hochbeet bauen im Hof', 'garten']
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
