// Demo marketplace of the quarter "Nordstadt" (Hannover): street sections, listings, profiles,
// a few conversations and one open report. Pure data; the seed script turns the e-mail addresses
// into member ids (see scripts/seed.ts for how they are derived from scripts/seed-data/nordstadt.ts).
import type { Block } from '../../src/lib/domain/listings/categories';
import type {
	ListingKind,
	ListingSettlement,
	PriceUnit
} from '../../src/lib/domain/listings/listing';
import type { Skill } from '../../src/lib/domain/members/profile';

export interface SeedListing {
	/** E-mail of an active member of the Nordstadt. */
	author: string;
	kind: ListingKind;
	title: string;
	description: string;
	/** A DEFAULT_CATEGORIES id. */
	category: string;
	tags: string[];
	settlement: ListingSettlement;
	/** Set exactly when the settlement is 'euros' or 'either'. */
	priceCents: number | null;
	priceUnit: PriceUnit | null;
	availability: string;
	/** A NORDSTADT_BLOCKS id: the author's block. */
	block: string;
	state: 'published' | 'pending' | 'draft' | 'paused';
	/** Created that many days ago (listings expire after 60 days). */
	daysAgo: number;
}

export interface SeedProfile {
	member: string;
	bio: string;
	skills: Skill[];
	languages: string[];
	talentDirectory: boolean;
	block: string;
	showEmail: boolean;
	phone: string;
}

export interface SeedConversation {
	/** Title of a published listing in SEED_LISTINGS. */
	listingTitle: string;
	/** The member who writes to the listing's author. */
	contact: string;
	messages: { from: 'contact' | 'author'; text: string; minutesAgo: number }[];
}

export interface SeedFlag {
	listingTitle: string;
	reporter: string;
	reason: 'spam' | 'inappropriate' | 'commercial' | 'wrong_category' | 'other';
	note: string;
}

export const NORDSTADT_BLOCKS: Block[] = [
	{
		id: 'engelbosteler-damm-nord',
		name: 'Engelbosteler Damm (nördlicher Teil)',
		lat: 52.3918,
		lon: 9.7188
	},
	{
		id: 'engelbosteler-damm-sued',
		name: 'Engelbosteler Damm (südlicher Teil)',
		lat: 52.3862,
		lon: 9.7192
	},
	{ id: 'lutherkirche-kniestrasse', name: 'Lutherkirche / Kniestraße', lat: 52.3841, lon: 9.7205 },
	{ id: 'weidendamm', name: 'Weidendamm', lat: 52.3852, lon: 9.7262 },
	{ id: 'callinstrasse', name: 'Callinstraße', lat: 52.3838, lon: 9.7118 },
	{ id: 'schaufelder-strasse', name: 'Schaufelder Straße', lat: 52.3872, lon: 9.7158 },
	{ id: 'haltenhoffstrasse', name: 'Haltenhoffstraße', lat: 52.3897, lon: 9.7142 },
	{ id: 'asternstrasse', name: 'Asternstraße', lat: 52.3884, lon: 9.724 },
	{ id: 'oberstrasse', name: 'Oberstraße', lat: 52.3876, lon: 9.7215 },
	{ id: 'nelkenstrasse', name: 'Nelkenstraße', lat: 52.3893, lon: 9.7262 },
	{ id: 'fenskestrasse', name: 'Fenskestraße', lat: 52.3908, lon: 9.723 },
	{ id: 'hahnenstrasse', name: 'Hahnenstraße', lat: 52.3858, lon: 9.7228 },
	{ id: 'warstrasse', name: 'Warstraße', lat: 52.3922, lon: 9.7215 },
	{ id: 'kopernikusstrasse', name: 'Kopernikusstraße', lat: 52.3935, lon: 9.7175 },
	{ id: 'im-moore', name: 'Im Moore', lat: 52.385, lon: 9.7132 },
	{ id: 'nienburger-strasse', name: 'Nienburger Straße', lat: 52.3886, lon: 9.7088 }
];

/** The small fictional second quarter. */
export const LINDENHOF_BLOCKS: Block[] = [
	{ id: 'lindenhof-genossenschaftshoefe', name: 'Genossenschaftshöfe', lat: 52.3612, lon: 9.7585 },
	{ id: 'lindenhof-lindenallee', name: 'Lindenallee', lat: 52.3598, lon: 9.7612 },
	{ id: 'lindenhof-gartenweg', name: 'Am Nachbarschaftsgarten', lat: 52.3621, lon: 9.7634 },
	{ id: 'lindenhof-brunnenstrasse', name: 'Brunnenstraße', lat: 52.3587, lon: 9.7571 }
];

export const SEED_LISTINGS: SeedListing[] = [
	// The end-to-end tests rely on this listing: keep it first and unchanged.
	{
		author: 'jonas.hoffmann@nordstadt.example',
		kind: 'offer',
		title: 'Fahrradreparatur im Hinterhof',
		description:
			'Ich repariere Fahrräder aller Art in unserem Hinterhof: **Schläuche flicken**, Bremsen einstellen, Kette ölen, Licht reparieren. Ersatzteile besorgen wir gemeinsam.',
		category: 'reparatur',
		tags: ['fahrrad', 'reparatur'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags vormittags',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'jonas.hoffmann@nordstadt.example',
		kind: 'offer',
		title: 'Fahrrad-Check vor der Urlaubstour',
		description:
			'Bevor es auf große Tour geht, schaue ich mir dein Fahrrad gründlich an:\n\n- Bremsen und Schaltung\n- Reifendruck und Speichen\n- Licht und Gepäckträger',
		category: 'reparatur',
		tags: ['fahrrad', 'tour'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 12
	},
	{
		author: 'jonas.hoffmann@nordstadt.example',
		kind: 'request',
		title: 'Montageständer für Fahrräder zum Ausleihen gesucht',
		description:
			'Für meine Hinterhof-Werkstatt suche ich einen stabilen Montageständer, gern für ein paar Wochen geliehen. Ich passe gut darauf auf.',
		category: 'reparatur',
		tags: ['werkzeug', 'leihen', 'fahrrad'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jederzeit',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 20
	},
	{
		author: 'anna.becker@nordstadt.example',
		kind: 'offer',
		title: 'Nachhilfe Mathe für die 5. bis 10. Klasse',
		description:
			'Ich studiere Lehramt Mathematik und gebe Nachhilfestunden bei mir oder bei euch zu Hause.\n\n- Bruchrechnung und Gleichungen\n- Vorbereitung auf Klassenarbeiten\n- **Geduld** inklusive',
		category: 'nachhilfe-sprachen',
		tags: ['mathe', 'schule', 'nachhilfe'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 17 Uhr',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 6
	},
	{
		author: 'anna.becker@nordstadt.example',
		kind: 'offer',
		title: 'Hausaufgabenbetreuung für Grundschulkinder',
		description:
			'Zweimal pro Woche betreue ich Grundschulkinder bei den Hausaufgaben. Wir üben Lesen, Rechnen und Schreiben, bis alles sitzt.',
		category: 'kinder-familie',
		tags: ['hausaufgaben', 'grundschule'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Montags und Mittwochs 14–16 Uhr',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 15
	},
	{
		author: 'anna.becker@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Tapezieren im Wohnzimmer gesucht',
		description:
			'Ich möchte mein Wohnzimmer neu tapezieren (Raufaser, ca. 18 m²) und habe das noch nie gemacht. Wer zeigt mir, wie es geht, und packt mit an?',
		category: 'handwerk',
		tags: ['tapezieren', 'renovieren'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'am Wochenende',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 8
	},
	{
		author: 'anna.becker@nordstadt.example',
		kind: 'request',
		title: 'Straßenfest in der Oberstraße: Wer backt mit?',
		description:
			'Für unser Straßenfest suchen wir noch Kuchen, Waffeln und helfende Hände beim Aufbau. Infos zum Fest gibt es unter [example.org](https://example.org).',
		category: 'kultur-freizeit',
		tags: ['straßenfest', 'backen', 'nachbarschaft'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstag in drei Wochen',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 2
	},
	{
		author: 'mehmet.yilmaz@nordstadt.example',
		kind: 'offer',
		title: 'Behördenbriefe erklären (Türkisch/Arabisch)',
		description:
			'Ich komme aus Mardin und spreche Türkisch, Arabisch und Deutsch. Gemeinsam lesen wir Briefe vom Jobcenter, der Krankenkasse oder der Hausverwaltung, und ich erkläre, was zu tun ist.',
		category: 'sonstiges',
		tags: ['behörden', 'übersetzung', 'türkisch', 'arabisch'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 18 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 4
	},
	{
		author: 'mehmet.yilmaz@nordstadt.example',
		kind: 'offer',
		title: 'Umzugshilfe mit Transporter',
		description:
			'Ich habe einen kleinen Transporter (3,5 t) und helfe beim Umzug innerhalb Hannovers. Tragen inklusive, Sprit bitte extra.',
		category: 'transport',
		tags: ['umzug', 'transporter'],
		settlement: 'either',
		priceCents: 2500,
		priceUnit: 'hour',
		availability: 'Samstags ganztags',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 10
	},
	{
		author: 'mehmet.yilmaz@nordstadt.example',
		kind: 'request',
		title: 'Bohrmaschine leihen für ein Wochenende',
		description:
			'Ich will zwei Regale aufhängen und brauche eine Schlagbohrmaschine. Bringe sie am Montag sauber zurück, versprochen!',
		category: 'handwerk',
		tags: ['werkzeug', 'leihen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Freitag bis Montag',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 1
	},
	{
		author: 'lena.schulz@nordstadt.example',
		kind: 'offer',
		title: 'Englisch-Nachhilfe und Konversation',
		description:
			'Ich habe ein Jahr in Dublin gelebt und studiere Anglistik. Ob Grammatik für die Schule oder lockeres Sprechen für den Urlaub: Ich helfe gern.',
		category: 'nachhilfe-sprachen',
		tags: ['englisch', 'nachhilfe'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Dienstags und Donnerstags ab 16 Uhr',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 18
	},
	{
		author: 'lena.schulz@nordstadt.example',
		kind: 'offer',
		title: 'Katzensitting während eurer Urlaubszeit',
		description:
			'Ich füttere eure Katzen, mache das Katzenklo sauber und spiele eine Runde mit ihnen. Gern auch zweimal am Tag.',
		category: 'sonstiges',
		tags: ['katze', 'tiere', 'urlaub'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'in den Semesterferien',
		block: 'callinstrasse',
		state: 'draft',
		daysAgo: 0
	},
	{
		author: 'lena.schulz@nordstadt.example',
		kind: 'request',
		title: 'Gebrauchten Schreibtisch für mein WG-Zimmer gesucht',
		description:
			'Ich suche einen Schreibtisch, maximal 120 cm breit. Abholen kann ich mit einem Lastenrad aus der Nachbarschaft.',
		category: 'haushalt',
		tags: ['möbel', 'schreibtisch'],
		settlement: 'euros',
		priceCents: 3000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 26
	},
	{
		author: 'ewa.kowalska@nordstadt.example',
		kind: 'offer',
		title: 'Nähkurs für Anfänger:innen am Küchentisch',
		description:
			'In meiner Küche steht eine robuste Nähmaschine. Wir nähen zusammen ein erstes Kissen oder eine Tasche, **Stoff bringe ich mit**.',
		category: 'handwerk',
		tags: ['nähen', 'kurs'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Mittwochs 18–20 Uhr',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 9
	},
	{
		author: 'ewa.kowalska@nordstadt.example',
		kind: 'offer',
		title: 'Polnisch lernen – lockere Gesprächsrunde',
		description:
			'Einmal pro Woche treffen wir uns auf einen Tee und sprechen Polnisch. Anfänger:innen sind herzlich willkommen.',
		category: 'nachhilfe-sprachen',
		tags: ['polnisch', 'sprache'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntags 15 Uhr',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 33
	},
	{
		author: 'ewa.kowalska@nordstadt.example',
		kind: 'offer',
		title: 'Hosen kürzen und Knöpfe annähen',
		description:
			'Kleine Änderungen an Kleidung erledige ich meist innerhalb von zwei Tagen. Abgerechnet wird über das Stundenkonto.',
		category: 'handwerk',
		tags: ['nähen', 'änderung', 'kleidung'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 41
	},
	{
		author: 'paul.wagner@nordstadt.example',
		kind: 'offer',
		title: 'Kleine Reparaturen in der Wohnung',
		description:
			'Tropfender Wasserhahn, klemmende Tür, lockere Steckdosenabdeckung: Ich bin Rentner, war 40 Jahre Hausmeister und helfe gern.',
		category: 'reparatur',
		tags: ['reparatur', 'wohnung'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags vormittags',
		block: 'weidendamm',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'paul.wagner@nordstadt.example',
		kind: 'offer',
		title: 'Regale und Lampen anbringen',
		description:
			'Ich bringe eigenes Werkzeug mit: Bohrmaschine, Wasserwaage, Dübel. Auch bei Altbauwänden.',
		category: 'handwerk',
		tags: ['bohren', 'montage'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags vormittags',
		block: 'weidendamm',
		state: 'paused',
		daysAgo: 37
	},
	{
		author: 'paul.wagner@nordstadt.example',
		kind: 'request',
		title: 'Leiter (3 m) für einen Nachmittag gesucht',
		description: 'Ich möchte die Dachrinne am Gartenhaus sauber machen. Wer leiht mir eine Leiter?',
		category: 'handwerk',
		tags: ['leiter', 'leihen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'diese Woche',
		block: 'weidendamm',
		state: 'published',
		daysAgo: 2
	},
	{
		author: 'fatma.demir@nordstadt.example',
		kind: 'offer',
		title: 'Türkisch kochen lernen in meiner Küche',
		description:
			'Wir kochen zusammen Linsensuppe, Sarma und Börek. Zutaten zahlen wir gemeinsam, danach wird natürlich zusammen gegessen.',
		category: 'kultur-freizeit',
		tags: ['kochen', 'türkisch'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'hour',
		availability: 'Freitags ab 17 Uhr',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 14
	},
	{
		author: 'fatma.demir@nordstadt.example',
		kind: 'offer',
		title: 'Kinderbetreuung am Nachmittag',
		description:
			'Ich habe selbst drei Kinder und passe gern auf eure auf, wenn ihr einen Termin habt. Spielplatz um die Ecke.',
		category: 'kinder-familie',
		tags: ['kinder', 'betreuung'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags 14–18 Uhr',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 21
	},
	{
		author: 'fatma.demir@nordstadt.example',
		kind: 'request',
		title: 'Hilfe bei der Steuererklärung gesucht',
		description:
			'Ich habe dieses Jahr zum ersten Mal eine Nebenbeschäftigung und verstehe ELSTER nicht. Wer erklärt mir die Formulare?',
		category: 'sonstiges',
		tags: ['steuer', 'formulare'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'abends',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 29
	},
	{
		author: 'fatma.demir@nordstadt.example',
		kind: 'offer',
		title: 'Börek und Baklava für Feiern',
		description:
			'Für Geburtstage, Hochzeiten oder das Hoffest backe ich ein Blech Börek oder Baklava. Preis pro Blech.',
		category: 'sonstiges',
		tags: ['essen', 'backen', 'feier'],
		settlement: 'euros',
		priceCents: 2500,
		priceUnit: 'job',
		availability: 'mit drei Tagen Vorlauf',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 47
	},
	{
		author: 'lukas.schmitt@nordstadt.example',
		kind: 'offer',
		title: 'Computerhilfe: Laptop einrichten, Viren entfernen',
		description:
			'Ich studiere Informatik und helfe bei allem rund um den Computer:\n\n- Windows oder Linux neu aufsetzen\n- Drucker einrichten\n- Daten sichern',
		category: 'computer-technik',
		tags: ['computer', 'laptop'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 17 Uhr',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 7
	},
	{
		author: 'lukas.schmitt@nordstadt.example',
		kind: 'offer',
		title: 'Smartphone-Sprechstunde für Senioren',
		description:
			'Jeden ersten Donnerstag im Monat erkläre ich im Café Eckbank WhatsApp, Fotos und Online-Banking. Einfach vorbeikommen!',
		category: 'senioren',
		tags: ['smartphone', 'senioren'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'erster Donnerstag im Monat, 15 Uhr',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 16
	},
	{
		author: 'lukas.schmitt@nordstadt.example',
		kind: 'offer',
		title: 'WLAN-Router einrichten und Netzwerk prüfen',
		description:
			'Schlechtes WLAN im Altbau? Ich richte Router und Repeater ein und prüfe, wo das Signal hängt.',
		category: 'computer-technik',
		tags: ['wlan', 'router'],
		settlement: 'either',
		priceCents: 2000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 31
	},
	{
		author: 'lukas.schmitt@nordstadt.example',
		kind: 'request',
		title: 'Alten Monitor für ein Bastelprojekt gesucht',
		description:
			'Ich baue einen Info-Bildschirm für unser Treppenhaus und suche einen alten Monitor mit HDMI oder DVI.',
		category: 'computer-technik',
		tags: ['monitor', 'basteln'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jederzeit',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 44
	},
	{
		author: 'marie.keller@nordstadt.example',
		kind: 'request',
		title: 'Babysitterin für Freitagabende gesucht',
		description:
			'Unsere Kinder (4 und 7) schlafen meist ab 20 Uhr. Wir suchen jemanden Zuverlässiges für zwei Freitage im Monat.',
		category: 'kinder-familie',
		tags: ['babysitter', 'abends'],
		settlement: 'either',
		priceCents: 1200,
		priceUnit: 'hour',
		availability: 'Freitags 19–23 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'marie.keller@nordstadt.example',
		kind: 'offer',
		title: 'Kinderkleidung Größe 98–116 zu verschenken',
		description:
			'Zwei Kisten mit Hosen, Pullis und Matschsachen in Größe 98 bis 116, alles gewaschen. Bitte selbst abholen.',
		category: 'kinder-familie',
		tags: ['kleidung', 'kinder', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'abends nach 18 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 11
	},
	{
		author: 'marie.keller@nordstadt.example',
		kind: 'offer',
		title: 'Yoga für Schwangere im Stadtpark',
		description:
			'Ich bin ausgebildete Yogalehrerin und biete eine sanfte Stunde für Schwangere an. Bei Regen im Gemeinderaum der Lutherkirche.',
		category: 'gesundheit-wohlbefinden',
		tags: ['yoga', 'schwangerschaft'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags 10 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 24
	},
	{
		author: 'marie.keller@nordstadt.example',
		kind: 'request',
		title: 'Fahrradanhänger für zwei Kinder gesucht',
		description:
			'Wir suchen einen gebrauchten Kinderanhänger fürs Fahrrad, gern mit Regenverdeck. Zahlen bis zu 50 €.',
		category: 'transport',
		tags: ['fahrrad', 'anhänger', 'kinder'],
		settlement: 'euros',
		priceCents: 5000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 38
	},
	{
		author: 'karl-heinz.brandt@nordstadt.example',
		kind: 'offer',
		title: 'Tomatensetzlinge zu verschenken',
		description:
			'Ich habe zu viele Tomaten vorgezogen: Ochsenherz, Cocktail und San Marzano. **Einfach klingeln**, solange der Vorrat reicht.',
		category: 'garten',
		tags: ['tomaten', 'pflanzen', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'täglich 9–18 Uhr',
		block: 'im-moore',
		state: 'published',
		daysAgo: 4
	},
	{
		author: 'karl-heinz.brandt@nordstadt.example',
		kind: 'offer',
		title: 'Rasenmähen und Heckenschnitt',
		description:
			'Ich bringe Heckenschere und Rasenmäher mit. Grünschnitt nehme ich für meinen Kompost mit.',
		category: 'garten',
		tags: ['rasen', 'hecke'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags bei trockenem Wetter',
		block: 'im-moore',
		state: 'published',
		daysAgo: 19
	},
	{
		author: 'karl-heinz.brandt@nordstadt.example',
		kind: 'request',
		title: 'Schachpartner:in für den Seniorentreff gesucht',
		description:
			'Mein alter Schachfreund ist weggezogen. Wer hat Lust auf eine Partie pro Woche? Brett und Uhr bringe ich mit.',
		category: 'kultur-freizeit',
		tags: ['schach', 'spiele'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Dienstags 14 Uhr',
		block: 'im-moore',
		state: 'published',
		daysAgo: 50
	},
	{
		author: 'karl-heinz.brandt@nordstadt.example',
		kind: 'offer',
		title: 'Werkzeug verleihen: Akkuschrauber, Stichsäge, Schleifer',
		description:
			'Mein Werkzeugkeller ist gut gefüllt. Gegen eine kurze Einweisung verleihe ich gern, was ihr braucht.',
		category: 'handwerk',
		tags: ['werkzeug', 'leihen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'im-moore',
		state: 'published',
		daysAgo: 27
	},
	{
		author: 'sophie.richter@nordstadt.example',
		kind: 'offer',
		title: 'Gitarrenunterricht für Anfänger',
		description:
			'Akkorde, Zupfmuster und die ersten Lieder: Ich unterrichte seit zehn Jahren Gitarre. Eine Leihgitarre habe ich da.',
		category: 'kultur-freizeit',
		tags: ['gitarre', 'musik'],
		settlement: 'either',
		priceCents: 1800,
		priceUnit: 'hour',
		availability: 'Montags bis Mittwochs ab 16 Uhr',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 13
	},
	{
		author: 'sophie.richter@nordstadt.example',
		kind: 'offer',
		title: 'Hundesitting und Gassigehen',
		description:
			'Ich gehe gern mit eurem Hund in den Georgengarten, auch mehrmals pro Woche. Große Hunde sind kein Problem.',
		category: 'sonstiges',
		tags: ['hund', 'gassi', 'tiere'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'morgens und am frühen Abend',
		block: 'nelkenstrasse',
		state: 'paused',
		daysAgo: 35
	},
	{
		author: 'sophie.richter@nordstadt.example',
		kind: 'request',
		title: 'Mitspieler:innen für eine Hausmusik-Runde gesucht',
		description:
			'Geige, Flöte, Cajón? Wir spielen einmal im Monat zusammen Volkslieder und Pop-Songs, ganz ohne Leistungsdruck.',
		category: 'kultur-freizeit',
		tags: ['musik', 'gemeinsam'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'letzter Sonntag im Monat',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 22
	},
	{
		author: 'ahmad.haidari@nordstadt.example',
		kind: 'offer',
		title: 'Übersetzung Dari/Farsi – Deutsch',
		description:
			'Ich übersetze Briefe und begleite zu Terminen beim Amt, Arzt oder in der Schule. Keine beglaubigten Übersetzungen.',
		category: 'nachhilfe-sprachen',
		tags: ['übersetzung', 'dari', 'farsi'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 9
	},
	{
		author: 'ahmad.haidari@nordstadt.example',
		kind: 'offer',
		title: 'Umzugshilfe: Tragen und Möbel abbauen',
		description:
			'Ich bin kräftig und habe Erfahrung mit Umzügen. Möbel ab- und aufbauen, Kisten schleppen, auch im 5. Stock ohne Aufzug.',
		category: 'transport',
		tags: ['umzug', 'tragen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'am Wochenende',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 17
	},
	{
		author: 'ahmad.haidari@nordstadt.example',
		kind: 'request',
		title: 'Deutsch-Tandem für Gespräche im Alltag gesucht',
		description:
			'Ich lerne seit zwei Jahren Deutsch (B1) und möchte mehr sprechen. Im Gegenzug bringe ich dir gern Dari bei.',
		category: 'nachhilfe-sprachen',
		tags: ['deutsch', 'tandem'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'abends oder am Wochenende',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 30
	},
	{
		author: 'ahmad.haidari@nordstadt.example',
		kind: 'request',
		title: 'Fahrräder für geflüchtete Jugendliche gesucht',
		description:
			'In unserer Wohngruppe haben vier Jugendliche kein Fahrrad. Wir nehmen auch reparaturbedürftige Fahrräder und machen sie selbst fit.',
		category: 'transport',
		tags: ['fahrrad', 'spende', 'jugendliche'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jederzeit',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 45
	},
	{
		author: 'gisela.neumann@nordstadt.example',
		kind: 'request',
		title: 'Wer stellt dienstags meine Mülltonnen raus?',
		description:
			'Ich komme mit meinem Rollator die Kellertreppe nicht mehr gut hoch. Wer stellt dienstagabends die Mülltonnen an die Straße und mittwochs wieder zurück?',
		category: 'senioren',
		tags: ['mülltonnen', 'hilfe'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Dienstagabend und Mittwochmittag',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 6
	},
	{
		author: 'gisela.neumann@nordstadt.example',
		kind: 'request',
		title: 'Einkaufshilfe gesucht: Getränkekisten tragen',
		description:
			'Einmal pro Woche brauche ich Wasser und Saft aus dem Getränkemarkt. Ich zahle die Einkäufe natürlich selbst.',
		category: 'senioren',
		tags: ['einkauf', 'getränke'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Freitags vormittags',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 12
	},
	{
		author: 'gisela.neumann@nordstadt.example',
		kind: 'offer',
		title: 'Socken stricken auf Bestellung',
		description:
			'Warme Wollsocken in jeder Größe, Farben nach Wunsch. Wolle ist im Preis enthalten.',
		category: 'handwerk',
		tags: ['stricken', 'wolle'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'job',
		availability: 'Lieferzeit etwa zwei Wochen',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 40
	},
	{
		author: 'tim.kruger@nordstadt.example',
		kind: 'offer',
		title: 'Transporter-Fahrten für Sperrmüll und Möbel',
		description:
			'Ich fahre mit meinem Transporter zum Wertstoffhof oder hole Möbel von Kleinanzeigen ab. Preis pro Fahrt innerhalb der Stadt.',
		category: 'transport',
		tags: ['transporter', 'sperrmüll'],
		settlement: 'euros',
		priceCents: 3500,
		priceUnit: 'job',
		availability: 'Samstags',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 8
	},
	{
		author: 'tim.kruger@nordstadt.example',
		kind: 'offer',
		title: 'Fußball-Training für Kinder im Park',
		description:
			'Ich trainiere nebenbei eine Jugendmannschaft und biete ein offenes Kicken für Kinder von 6 bis 10 Jahren an.',
		category: 'kinder-familie',
		tags: ['fußball', 'sport', 'kinder'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntags 11 Uhr',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 28
	},
	{
		author: 'tim.kruger@nordstadt.example',
		kind: 'request',
		title: 'Bohrhammer für eine Betonwand gesucht',
		description:
			'Meine Schlagbohrmaschine kommt durch die Betonwand nicht durch. Wer leiht mir für einen Tag einen Bohrhammer?',
		category: 'handwerk',
		tags: ['werkzeug', 'leihen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nächsten Samstag',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 1
	},
	{
		author: 'tim.kruger@nordstadt.example',
		kind: 'request',
		title: 'Mitmachen bei der Putzaktion in der Warstraße',
		description:
			'Wir sammeln gemeinsam Müll auf der Straße und in den Baumscheiben. Handschuhe und Zangen stellt die Stadt.',
		category: 'sonstiges',
		tags: ['putzaktion', 'straße', 'gemeinsam'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstag 10–13 Uhr',
		block: 'warstrasse',
		state: 'pending',
		daysAgo: 0
	},
	{
		author: 'olga.petrenko@nordstadt.example',
		kind: 'offer',
		title: 'Russisch und Ukrainisch für Anfänger',
		description:
			'Ich bin Lehrerin aus Charkiw und unterrichte das kyrillische Alphabet, einfache Gespräche und ein bisschen Landeskunde.',
		category: 'nachhilfe-sprachen',
		tags: ['russisch', 'ukrainisch', 'sprache'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Montags und Donnerstags 18 Uhr',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 10
	},
	{
		author: 'olga.petrenko@nordstadt.example',
		kind: 'offer',
		title: 'Wareniki kochen – gemeinsamer Kochabend',
		description:
			'Wir formen zusammen Teigtaschen mit Kartoffeln, Quark oder Kirschen. Jede:r bringt eine Zutat mit.',
		category: 'kultur-freizeit',
		tags: ['kochen', 'gemeinsam'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jeden zweiten Freitag',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 23
	},
	{
		author: 'olga.petrenko@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Ausfüllen von Formularen gesucht',
		description:
			'Für den Antrag auf Wohngeld brauche ich jemanden, der mit mir die Formulare durchgeht.',
		category: 'sonstiges',
		tags: ['formulare', 'wohngeld'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags nachmittags',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'olga.petrenko@nordstadt.example',
		kind: 'offer',
		title: 'Haare schneiden für Kinder zu Hause',
		description:
			'Ich war in der Ukraine Friseurin. Kinderhaarschnitt bei euch zu Hause, ganz ohne Stress im Salon.',
		category: 'gesundheit-wohlbefinden',
		tags: ['friseur', 'kinder'],
		settlement: 'either',
		priceCents: 1000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'kopernikusstrasse',
		state: 'pending',
		daysAgo: 1
	},
	{
		author: 'felix.wolf@nordstadt.example',
		kind: 'offer',
		title: 'Möbel aufbauen (IKEA & Co.)',
		description:
			'Schränke, Betten, Küchenzeilen: Ich baue auf und richte aus. Akkuschrauber und Geduld bringe ich mit.',
		category: 'handwerk',
		tags: ['möbel', 'aufbau'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 18 Uhr, Samstags',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 7
	},
	{
		author: 'felix.wolf@nordstadt.example',
		kind: 'offer',
		title: 'Laufgruppe für Anfänger:innen im Georgengarten',
		description:
			'Wir laufen langsam, mit Gehpausen, ca. 5 km. Treffpunkt ist die Ecke Schaufelder Straße / Engelbosteler Damm.',
		category: 'gesundheit-wohlbefinden',
		tags: ['laufen', 'sport'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Dienstags und Donnerstags 7 Uhr',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 32
	},
	{
		author: 'felix.wolf@nordstadt.example',
		kind: 'request',
		title: 'Lastenrad zum Ausleihen am Wochenende gesucht',
		description:
			'Ich möchte ein Sofa aus der Nachbarschaft holen. Wer verleiht sein Lastenrad für zwei Stunden?',
		category: 'transport',
		tags: ['lastenrad', 'fahrrad', 'leihen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstag oder Sonntag',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'felix.wolf@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Anbringen eines Balkonkraftwerks gesucht',
		description:
			'Ich habe ein Steckersolargerät gekauft und brauche Hilfe bei der Halterung am Balkongeländer. Die Anleitung liegt hier: https://example.org',
		category: 'computer-technik',
		tags: ['solar', 'balkon', 'energie'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'am Wochenende',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 52
	},
	{
		author: 'hannelore.schroder@nordstadt.example',
		kind: 'request',
		title: 'Jemand zum Vorlesen am Nachmittag gesucht',
		description:
			'Meine Augen werden schwächer und ich vermisse meine Romane. Wer liest mir ein- oder zweimal pro Woche eine Stunde vor? Kaffee und Kuchen gibt es dazu.',
		category: 'senioren',
		tags: ['vorlesen', 'gesellschaft'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nachmittags ab 15 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'hannelore.schroder@nordstadt.example',
		kind: 'offer',
		title: 'Selbstgemachte Marmelade zu verschenken',
		description:
			'Johannisbeere, Stachelbeere und Pflaume aus dem Schrebergarten. Bitte leere Gläser mitbringen.',
		category: 'garten',
		tags: ['marmelade', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'vormittags',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 36
	},
	{
		author: 'hannelore.schroder@nordstadt.example',
		kind: 'request',
		title: 'Begleitung zum Arzttermin in der Innenstadt',
		description:
			'Ich habe einen Termin beim Augenarzt am Kröpcke und traue mich nach der Untersuchung nicht allein mit der Stadtbahn zurück.',
		category: 'senioren',
		tags: ['begleitung', 'arzt'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Donnerstag in zwei Wochen, 10 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 2
	},
	{
		author: 'emre.aydin@nordstadt.example',
		kind: 'offer',
		title: 'Gebrauchte Smartphones, geprüft – viele Modelle',
		description:
			'Ich habe ständig neue gebrauchte Handys da:\n\n- iPhone 11 bis 14\n- Samsung Galaxy S20 bis S23\n- Xiaomi und Pixel\n\nAlle geprüft, mit Ladekabel. Preis ab 89 €, schreibt mir für die aktuelle Liste.',
		category: 'computer-technik',
		tags: ['smartphone', 'handy', 'verkauf'],
		settlement: 'euros',
		priceCents: 8900,
		priceUnit: 'job',
		availability: 'täglich ab 12 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 4
	},
	{
		author: 'emre.aydin@nordstadt.example',
		kind: 'offer',
		title: 'Handy-Displays tauschen',
		description:
			'Gesprungenes Display? Ich tausche es meist am selben Tag. Preis inklusive Ersatzteil für gängige Modelle.',
		category: 'computer-technik',
		tags: ['handy', 'display', 'reparatur'],
		settlement: 'euros',
		priceCents: 6900,
		priceUnit: 'job',
		availability: 'täglich ab 12 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 11
	},
	{
		author: 'emre.aydin@nordstadt.example',
		kind: 'offer',
		title: 'Hilfe beim Vergleich von Handyverträgen',
		description:
			'Zahlt ihr zu viel fürs Handy? Ich schaue mit euch eure Verträge durch und erkläre die Kündigung.',
		category: 'computer-technik',
		tags: ['handy', 'vertrag'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags abends',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 25
	},
	{
		author: 'clara.zimmermann@nordstadt.example',
		kind: 'offer',
		title: 'Aquarellmalen für Kinder',
		description:
			'Farben, Pinsel und Papier bringe ich mit. Wir malen Tiere, Blumen und was euch sonst einfällt, für Kinder ab 6 Jahren.',
		category: 'kultur-freizeit',
		tags: ['malen', 'kinder', 'kunst'],
		settlement: 'either',
		priceCents: 1000,
		priceUnit: 'hour',
		availability: 'Mittwochs 15–17 Uhr',
		block: 'nienburger-strasse',
		state: 'pending',
		daysAgo: 0
	},
	{
		author: 'clara.zimmermann@nordstadt.example',
		kind: 'request',
		title: 'Wer gießt meine Pflanzen während des Urlaubs?',
		description:
			'Ich bin drei Wochen verreist. Wer gießt alle zwei Tage meine Balkon- und Zimmerpflanzen und leert den Briefkasten?',
		category: 'garten',
		tags: ['pflanzen', 'urlaub', 'gießen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'in den Sommerferien',
		block: 'nienburger-strasse',
		state: 'published',
		daysAgo: 14
	},
	{
		author: 'clara.zimmermann@nordstadt.example',
		kind: 'request',
		title: 'Nähmaschine zum Ausleihen gesucht',
		description:
			'Ich möchte Vorhänge kürzen und bräuchte für ein Wochenende eine Nähmaschine. Zurück mit einem Stück Kuchen!',
		category: 'handwerk',
		tags: ['nähen', 'leihen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nächstes Wochenende',
		block: 'nienburger-strasse',
		state: 'published',
		daysAgo: 6
	},
	{
		author: 'niklas.braun@nordstadt.example',
		kind: 'offer',
		title: 'Website für Vereine und kleine Projekte',
		description:
			'Ich baue einfache Websites für Vereine, Initiativen und Hausgemeinschaften. Beispiele zeige ich gern auf [example.org](https://example.org).',
		category: 'computer-technik',
		tags: ['website', 'verein'],
		settlement: 'either',
		priceCents: 2500,
		priceUnit: 'hour',
		availability: 'nach Absprache',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 20
	},
	{
		author: 'niklas.braun@nordstadt.example',
		kind: 'offer',
		title: 'Brettspielabend im Hinterhaus',
		description:
			'Von Carcassonne bis Pandemic: Ich habe über 60 Spiele im Regal. Jeden zweiten Freitag, Knabberzeug willkommen.',
		category: 'kultur-freizeit',
		tags: ['spiele', 'abend'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jeden zweiten Freitag ab 19 Uhr',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 34
	},
	{
		author: 'niklas.braun@nordstadt.example',
		kind: 'request',
		title: 'Mitstreiter:innen für ein Hochbeet im Hof gesucht',
		description:
			'Die Hausverwaltung hat zugestimmt: Wir dürfen im Hof ein Hochbeet bauen. Wer hilft beim Bauen und später beim Gießen?',
		category: 'garten',
		tags: ['hochbeet', 'hof', 'gemeinsam'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 9
	},
	{
		author: 'niklas.braun@nordstadt.example',
		kind: 'offer',
		title: 'Einkaufshilfe für Senioren in der Nordstadt',
		description:
			'Ich arbeite im Homeoffice und kann mittags für euch einkaufen gehen: Supermarkt, Apotheke oder Post.',
		category: 'senioren',
		tags: ['einkauf', 'senioren'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags 12–14 Uhr',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 15
	},
	{
		author: 'ingrid.hartmann@nordstadt.example',
		kind: 'offer',
		title: 'Begleitung bei Spaziergängen für Ältere',
		description:
			'Ich war Krankenschwester und gehe gern mit älteren Nachbar:innen spazieren, auch mit Rollator oder Rollstuhl.',
		category: 'gesundheit-wohlbefinden',
		tags: ['spaziergang', 'begleitung', 'senioren'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'vormittags',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 18
	},
	{
		author: 'ingrid.hartmann@nordstadt.example',
		kind: 'offer',
		title: 'Kuchen backen für Feste und Geburtstage',
		description:
			'Ob Bienenstich, Käsekuchen oder Schwarzwälder Kirsch: Ich backe für eure Feier. Preis pro Kuchen inklusive Zutaten.',
		category: 'sonstiges',
		tags: ['backen', 'kuchen'],
		settlement: 'either',
		priceCents: 1800,
		priceUnit: 'job',
		availability: 'mit einer Woche Vorlauf',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 27
	},
	{
		author: 'ingrid.hartmann@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Fensterputzen gesucht',
		description:
			'Meine Altbaufenster sind hoch und ich schaffe die oberen Scheiben nicht mehr. Leiter ist vorhanden.',
		category: 'haushalt',
		tags: ['fenster', 'putzen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 10
	},
	{
		author: 'daniel.lange@nordstadt.example',
		kind: 'offer',
		title: 'Steuererklärung mit ELSTER: Ich helfe',
		description:
			'Ich arbeite in einer Steuerkanzlei und erkläre euch ELSTER Schritt für Schritt. Keine Steuerberatung, aber viele gute Tipps.',
		category: 'sonstiges',
		tags: ['steuer', 'elster'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntags nachmittags',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 16
	},
	{
		author: 'daniel.lange@nordstadt.example',
		kind: 'offer',
		title: 'Fotografieren bei Familienfesten',
		description:
			'Taufe, Geburtstag, Einschulung: Ich fotografiere mit Spiegelreflexkamera und liefere die bearbeiteten Bilder innerhalb einer Woche.',
		category: 'kultur-freizeit',
		tags: ['fotografie', 'feier'],
		settlement: 'euros',
		priceCents: 3000,
		priceUnit: 'hour',
		availability: 'am Wochenende',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 39
	},
	{
		author: 'daniel.lange@nordstadt.example',
		kind: 'request',
		title: 'Tischtennispartner:in für den Abend gesucht',
		description:
			'An der Platte im Park an der Kniestraße: Wer spielt nach Feierabend eine Runde mit?',
		category: 'kultur-freizeit',
		tags: ['tischtennis', 'sport'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 18 Uhr',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 21
	},
	{
		author: 'daniel.lange@nordstadt.example',
		kind: 'offer',
		title: 'Bewerbungsunterlagen durchsehen',
		description:
			'Ich lese Anschreiben und Lebenslauf Korrektur und gebe ehrliche Rückmeldung zu Aufbau und Formulierung.',
		category: 'sonstiges',
		tags: ['bewerbung', 'beruf'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'hahnenstrasse',
		state: 'pending',
		daysAgo: 0
	},
	{
		author: 'aylin.celik@nordstadt.example',
		kind: 'offer',
		title: 'Aushilfe als Barista bei Festen und Events',
		description:
			'Ich habe drei Jahre in einem Café gearbeitet: Siebträger, Milchschaum, Kasse. Ich helfe bei Festen oder springe kurzfristig ein.',
		category: 'sonstiges',
		tags: ['barista', 'kaffee', 'aushilfe'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'hour',
		availability: 'Wochenenden',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'aylin.celik@nordstadt.example',
		kind: 'offer',
		title: 'Make-up für Hochzeiten und besondere Anlässe',
		description:
			'Ich schminke dich für Hochzeit, Abschlussball oder Fotoshooting, bei dir zu Hause. Preis pro Termin.',
		category: 'gesundheit-wohlbefinden',
		tags: ['make-up', 'hochzeit'],
		settlement: 'either',
		priceCents: 3500,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 30
	},
	{
		author: 'aylin.celik@nordstadt.example',
		kind: 'offer',
		title: 'Deutsch-Nachhilfe für Grundschulkinder',
		description:
			'Lesen, Schreiben, Diktate üben: Ich helfe Kindern, die zu Hause eine andere Sprache sprechen.',
		category: 'nachhilfe-sprachen',
		tags: ['deutsch', 'nachhilfe', 'kinder'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags 15–17 Uhr',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 13
	},
	{
		author: 'jan.schwarz@nordstadt.example',
		kind: 'offer',
		title: 'Elektrische Kleinreparaturen: Lampen und Stecker',
		description:
			'Wackelkontakt in der Stehlampe? Kabel ab? Ich bin gelernter Elektroniker und repariere kleine Geräte.',
		category: 'reparatur',
		tags: ['elektro', 'lampe'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 17 Uhr',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 19
	},
	{
		author: 'jan.schwarz@nordstadt.example',
		kind: 'offer',
		title: 'Bücher zu verschenken: Krimis und Sachbücher',
		description:
			'Zwei Umzugskartons voller Bücher, vor allem Skandinavien-Krimis und Geschichte. Gern auch einzeln abholen.',
		category: 'kultur-freizeit',
		tags: ['bücher', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'abends',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 42
	},
	{
		author: 'jan.schwarz@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Streichen der Küche gesucht',
		description:
			'Meine Küche braucht dringend neue Farbe. Material ist da, mir fehlt eine zweite Person für Decke und Abkleben.',
		category: 'handwerk',
		tags: ['streichen', 'küche', 'renovieren'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nächstes Wochenende',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 4
	},
	{
		author: 'monika.krause@nordstadt.example',
		kind: 'offer',
		title: 'Bügelservice für Hemden und Blusen',
		description: 'Ich bügle eure Wäsche bei mir zu Hause. Abgabe und Abholung in der Nelkenstraße.',
		category: 'haushalt',
		tags: ['bügeln', 'wäsche'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Montags bis Freitags',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 22
	},
	{
		author: 'monika.krause@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Ausmisten des Kellers gesucht',
		description:
			'Unser Kellerabteil ist voll mit alten Möbeln und Kisten. Wer hilft beim Sortieren und Tragen? Was noch gut ist, verschenken wir.',
		category: 'haushalt',
		tags: ['keller', 'entrümpeln'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstag vormittags',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 49
	},
	{
		author: 'monika.krause@nordstadt.example',
		kind: 'request',
		title: 'Begleitung zum Schwimmen im Stadionbad gesucht',
		description: 'Allein schwimmen macht mir keinen Spaß. Wer kommt einmal pro Woche mit ins Bad?',
		category: 'gesundheit-wohlbefinden',
		tags: ['schwimmen', 'sport'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Mittwochs 8 Uhr',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 15
	},
	{
		author: 'yusuf.ozturk@nordstadt.example',
		kind: 'offer',
		title: 'Fliesen legen und Silikonfugen erneuern',
		description:
			'Ich bin Fliesenleger und mache kleinere Arbeiten auch nach Feierabend: Fugen im Bad, Fliesenspiegel in der Küche.',
		category: 'handwerk',
		tags: ['fliesen', 'bad', 'küche'],
		settlement: 'either',
		priceCents: 2500,
		priceUnit: 'hour',
		availability: 'werktags ab 17 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 12
	},
	{
		author: 'yusuf.ozturk@nordstadt.example',
		kind: 'offer',
		title: 'Starthilfe und Reifenwechsel am Auto',
		description:
			'Batterie leer? Winterreifen drauf? Ich habe Starthilfekabel und Wagenheber und helfe auf der Straße vor eurem Haus.',
		category: 'reparatur',
		tags: ['auto', 'reifen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'abends und am Wochenende',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 33
	},
	{
		author: 'yusuf.ozturk@nordstadt.example',
		kind: 'request',
		title: 'Gebrauchte Kinderfahrräder (Größe 16–20 Zoll) gesucht',
		description:
			'Meine Zwillinge sind aus ihren Laufrädern herausgewachsen. Ich suche zwei Kinderfahrräder, gern reparaturbedürftig.',
		category: 'kinder-familie',
		tags: ['fahrrad', 'kinder'],
		settlement: 'euros',
		priceCents: 4000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 7
	},
	{
		author: 'laura.meier@nordstadt.example',
		kind: 'offer',
		title: 'Pilates im Hinterhof',
		description:
			'Sanftes Training für Rücken und Haltung, für alle Altersstufen. Bringt eine Matte mit, bei Regen fällt es aus.',
		category: 'gesundheit-wohlbefinden',
		tags: ['pilates', 'rücken'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntags 10 Uhr',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 26
	},
	{
		author: 'laura.meier@nordstadt.example',
		kind: 'offer',
		title: 'Haushaltswaren aus dem Keller zu verschenken',
		description:
			'Beim Entrümpeln ist einiges zusammengekommen:\n\n- Töpfe und Pfannen\n- Gläser und Teller\n- ein Wasserkocher\n\nAlles funktioniert.',
		category: 'haushalt',
		tags: ['verschenken', 'geschirr'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags 10–14 Uhr',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 2
	},
	{
		author: 'laura.meier@nordstadt.example',
		kind: 'request',
		title: 'Nachhilfestunden in Chemie für meine Tochter gesucht',
		description:
			'Meine Tochter (10. Klasse, Gymnasium) braucht Unterstützung in Chemie, vor allem bei Redoxreaktionen.',
		category: 'nachhilfe-sprachen',
		tags: ['chemie', 'nachhilfe', 'schule'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'hour',
		availability: 'Dienstags oder Donnerstags nachmittags',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 11
	},
	{
		author: 'dieter.lehmann@nordstadt.example',
		kind: 'offer',
		title: 'Holzarbeiten: Vogelhäuser und kleine Möbel',
		description:
			'In meiner Kellerwerkstatt baue ich Vogelhäuser, Schemel und Blumenkästen nach Maß. Preis pro Stück.',
		category: 'handwerk',
		tags: ['holz', 'möbel'],
		settlement: 'either',
		priceCents: 2500,
		priceUnit: 'job',
		availability: 'Lieferzeit ein bis zwei Wochen',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 29
	},
	{
		author: 'dieter.lehmann@nordstadt.example',
		kind: 'offer',
		title: 'Messer und Scheren schleifen',
		description:
			'Stumpfe Küchenmesser, Gartenscheren, Scheren: Ich schleife von Hand auf dem Wasserstein.',
		category: 'reparatur',
		tags: ['schleifen', 'messer'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'vormittags',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 17
	},
	{
		author: 'dieter.lehmann@nordstadt.example',
		kind: 'offer',
		title: 'Fahrten zum Arzt mit meinem Auto',
		description:
			'Ich fahre Nachbar:innen, die nicht mehr gut zu Fuß sind, zum Arzt oder ins Krankenhaus und warte auch.',
		category: 'senioren',
		tags: ['fahrdienst', 'arzt'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags 8–14 Uhr',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 8
	},
	{
		author: 'dieter.lehmann@nordstadt.example',
		kind: 'request',
		title: 'Jemand, der mir das Tablet erklärt',
		description:
			'Meine Kinder haben mir ein Tablet geschenkt. Ich möchte E-Mails lesen und Fotos von den Enkeln anschauen.',
		category: 'computer-technik',
		tags: ['tablet', 'lernen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nachmittags',
		block: 'kopernikusstrasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'mia.schmid@nordstadt.example',
		kind: 'offer',
		title: 'Spieletreff für Kleinkinder und Eltern',
		description:
			'Jeden Donnerstag treffen wir uns im Gemeinderaum zum Spielen, Singen und Kaffeetrinken. Kinder bis 3 Jahre.',
		category: 'kinder-familie',
		tags: ['kleinkinder', 'eltern', 'treffen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Donnerstags 10–12 Uhr',
		block: 'weidendamm',
		state: 'published',
		daysAgo: 14
	},
	{
		author: 'mia.schmid@nordstadt.example',
		kind: 'request',
		title: 'Kinderwagen in gutem Zustand gesucht',
		description:
			'Unser Baby kommt im Herbst. Wir suchen einen Kombi-Kinderwagen mit Babywanne, gern mit Regenschutz.',
		category: 'kinder-familie',
		tags: ['kinderwagen', 'baby'],
		settlement: 'euros',
		priceCents: 6000,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'weidendamm',
		state: 'published',
		daysAgo: 20
	},
	{
		author: 'mia.schmid@nordstadt.example',
		kind: 'request',
		title: 'Mitkochende für eine vegane Kochrunde gesucht',
		description:
			'Wir wollen reihum bei jemandem zu Hause kochen, jede:r bringt etwas mit. Wer macht mit? Rezepte sammeln wir unter https://example.org.',
		category: 'kultur-freizeit',
		tags: ['kochen', 'vegan'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntags 18 Uhr',
		block: 'weidendamm',
		state: 'published',
		daysAgo: 46
	},
	{
		author: 'tobias.kohler@nordstadt.example',
		kind: 'offer',
		title: 'Heizkörper entlüften und Thermostate tauschen',
		description:
			'Gluckernde Heizung? Ich entlüfte, tausche Thermostatköpfe und zeige, wie man Heizkosten spart.',
		category: 'reparatur',
		tags: ['heizung', 'energie'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 16 Uhr',
		block: 'im-moore',
		state: 'published',
		daysAgo: 24
	},
	{
		author: 'tobias.kohler@nordstadt.example',
		kind: 'offer',
		title: 'Transporte mit Autoanhänger',
		description:
			'Ich habe einen 750-kg-Anhänger und fahre Gartenabfälle, Baumaterial oder Möbel. Preis pro Fahrt in Hannover.',
		category: 'transport',
		tags: ['anhänger', 'transport'],
		settlement: 'euros',
		priceCents: 3000,
		priceUnit: 'job',
		availability: 'Samstags',
		block: 'im-moore',
		state: 'published',
		daysAgo: 31
	},
	{
		author: 'tobias.kohler@nordstadt.example',
		kind: 'request',
		title: 'Lernpartner:in für die Prüfung in Elektrotechnik',
		description:
			'Ich mache die Meisterschule und suche jemanden, mit dem ich zweimal pro Woche Aufgaben rechnen kann.',
		category: 'nachhilfe-sprachen',
		tags: ['lernen', 'elektrotechnik'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'abends',
		block: 'im-moore',
		state: 'published',
		daysAgo: 9
	},
	{
		author: 'agnieszka.nowak@nordstadt.example',
		kind: 'offer',
		title: 'Wohnung putzen und Fenster reinigen',
		description:
			'Ich putze zuverlässig und gründlich, auf Wunsch regelmäßig alle zwei Wochen. Gern auch Treppenhaus.',
		category: 'haushalt',
		tags: ['putzen', 'fenster'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'hour',
		availability: 'werktags 8–13 Uhr',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 16
	},
	{
		author: 'agnieszka.nowak@nordstadt.example',
		kind: 'offer',
		title: 'Hilfe im Garten: Unkraut jäten und Beete anlegen',
		description:
			'Ich habe früher in einer Gärtnerei gearbeitet und helfe gern in Schrebergarten oder Hinterhof.',
		category: 'garten',
		tags: ['garten', 'beete'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags vormittags',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 38
	},
	{
		author: 'agnieszka.nowak@nordstadt.example',
		kind: 'request',
		title: 'Übersetzung eines Arztbriefs ins Polnische gesucht',
		description:
			'Meine Mutter kommt zu Besuch und braucht ihren Arztbrief auf Polnisch für den Hausarzt in Posen. Zwei Seiten.',
		category: 'gesundheit-wohlbefinden',
		tags: ['übersetzung', 'polnisch', 'arzt'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'in den nächsten zwei Wochen',
		block: 'fenskestrasse',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'ben.fuchs@nordstadt.example',
		kind: 'offer',
		title: 'Mathe und Physik für die Oberstufe',
		description:
			'Ich studiere Physik im 5. Semester und bereite aufs Abitur vor: Analysis, Stochastik, Mechanik.',
		category: 'nachhilfe-sprachen',
		tags: ['mathe', 'physik', 'abitur'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags ab 16 Uhr',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 19
	},
	{
		author: 'ben.fuchs@nordstadt.example',
		kind: 'offer',
		title: 'Gitarre stimmen und Saiten wechseln',
		description:
			'Kurz vorbeibringen, neue Saiten drauf, gestimmt zurück. Saiten bitte selbst mitbringen.',
		category: 'reparatur',
		tags: ['gitarre', 'musik'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'abends',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 43
	},
	{
		author: 'ben.fuchs@nordstadt.example',
		kind: 'request',
		title: 'Fahrrad für den Weg zur Uni gesucht',
		description:
			'Mein Rad wurde geklaut. Ich suche ein günstiges, verkehrssicheres Fahrrad mit Rahmenhöhe 56–60 cm.',
		category: 'transport',
		tags: ['fahrrad', 'uni'],
		settlement: 'euros',
		priceCents: 8000,
		priceUnit: 'job',
		availability: 'so bald wie möglich',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 1
	},
	{
		author: 'ben.fuchs@nordstadt.example',
		kind: 'offer',
		title: 'Programmieren lernen mit Python',
		description:
			'Für Schüler:innen und Erwachsene: Wir schreiben kleine Programme und Spiele. Laptop bitte mitbringen.',
		category: 'computer-technik',
		tags: ['programmieren', 'python'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags nachmittags',
		block: 'callinstrasse',
		state: 'published',
		daysAgo: 35
	},
	{
		author: 'ursula.vogel@nordstadt.example',
		kind: 'request',
		title: 'Hilfe mit Videoanrufen auf dem Tablet gesucht',
		description:
			'Meine Enkelin wohnt in Kanada. Wer zeigt mir, wie ich sie per Videoanruf erreiche?',
		category: 'senioren',
		tags: ['tablet', 'videoanruf'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nachmittags',
		block: 'nienburger-strasse',
		state: 'published',
		daysAgo: 7
	},
	{
		author: 'ursula.vogel@nordstadt.example',
		kind: 'offer',
		title: 'Handarbeitsrunde: Häkeln und Stricken',
		description:
			'Wir treffen uns bei mir zum Handarbeiten und Erzählen. Ich zeige gern die Grundlagen, Wolle ist genug da.',
		category: 'kultur-freizeit',
		tags: ['häkeln', 'stricken'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Mittwochs 15 Uhr',
		block: 'nienburger-strasse',
		state: 'published',
		daysAgo: 28
	},
	{
		author: 'ursula.vogel@nordstadt.example',
		kind: 'offer',
		title: 'Zimmerpflanzen-Ableger zu verschenken',
		description: 'Grünlilie, Efeutute, Geldbaum und Monstera, bewurzelt im Wasserglas.',
		category: 'garten',
		tags: ['pflanzen', 'ableger', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'vormittags',
		block: 'nienburger-strasse',
		state: 'published',
		daysAgo: 17
	},
	{
		author: 'samira.el-amin@nordstadt.example',
		kind: 'offer',
		title: 'Arabisch für Kinder – spielerisch lernen',
		description:
			'Mit Liedern, Bildkarten und Geschichten lernen Kinder von 5 bis 10 Jahren Arabisch lesen und sprechen.',
		category: 'nachhilfe-sprachen',
		tags: ['arabisch', 'kinder', 'sprache'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstags 11 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 23
	},
	{
		author: 'samira.el-amin@nordstadt.example',
		kind: 'offer',
		title: 'Begleitung zu Behörden (Arabisch/Deutsch)',
		description:
			'Ich begleite zu Ausländerbehörde, Jobcenter oder Elternabend und dolmetsche. Auch kurzfristig.',
		category: 'sonstiges',
		tags: ['behörden', 'arabisch', 'begleitung'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'werktags vormittags',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 12
	},
	{
		author: 'samira.el-amin@nordstadt.example',
		kind: 'request',
		title: 'Kindersitz fürs Fahrrad gesucht',
		description: 'Für meine Tochter (2 Jahre) suche ich einen Fahrradkindersitz für hinten.',
		category: 'kinder-familie',
		tags: ['fahrrad', 'kindersitz'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 18
	},
	{
		author: 'moritz.jager@nordstadt.example',
		kind: 'offer',
		title: 'Schlagzeug-Grundkurs im Proberaum',
		description:
			'Ich spiele seit 15 Jahren in Bands und bringe dir die ersten Grooves bei. Im Proberaum darf es laut werden.',
		category: 'kultur-freizeit',
		tags: ['schlagzeug', 'musik'],
		settlement: 'either',
		priceCents: 2000,
		priceUnit: 'hour',
		availability: 'Dienstags und Freitags ab 18 Uhr',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 25
	},
	{
		author: 'moritz.jager@nordstadt.example',
		kind: 'offer',
		title: 'Laptop-Akku und Festplatte tauschen',
		description:
			'Alter Laptop wird langsam? Mit einer SSD und einem neuen Akku hält er noch Jahre. Preis ohne Ersatzteile.',
		category: 'computer-technik',
		tags: ['laptop', 'ssd', 'reparatur'],
		settlement: 'euros',
		priceCents: 2500,
		priceUnit: 'job',
		availability: 'nach Absprache',
		block: 'hahnenstrasse',
		state: 'published',
		daysAgo: 40
	},
	{
		author: 'moritz.jager@nordstadt.example',
		kind: 'request',
		title: 'Band sucht Proberaum zum Mitbenutzen',
		description:
			'Unsere Band braucht einen Raum für einen Abend pro Woche. Wir beteiligen uns an der Miete.',
		category: 'kultur-freizeit',
		tags: ['proberaum', 'musik'],
		settlement: 'euros',
		priceCents: 4000,
		priceUnit: 'job',
		availability: 'ein Abend pro Woche',
		block: 'hahnenstrasse',
		state: 'draft',
		daysAgo: 2
	},
	{
		author: 'renate.otto@nordstadt.example',
		kind: 'offer',
		title: 'Spaziergänge und Gespräche für Alleinstehende',
		description:
			'Ich bin Rentnerin und habe Zeit. Wer sich einsam fühlt, kann mit mir spazieren gehen oder einfach Kaffee trinken.',
		category: 'senioren',
		tags: ['gesellschaft', 'spaziergang'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nachmittags',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 21
	},
	{
		author: 'renate.otto@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Bepflanzen meines Balkons gesucht',
		description:
			'Ich habe neue Kästen und Erde gekauft, aber das Tragen und Umtopfen ist mir zu schwer.',
		category: 'garten',
		tags: ['balkon', 'pflanzen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 6
	},
	{
		author: 'renate.otto@nordstadt.example',
		kind: 'request',
		title: 'Wer hilft beim Aufhängen neuer Gardinen?',
		description:
			'Die Gardinenstange ist schon montiert, mir fehlt nur jemand, der auf die Leiter steigt.',
		category: 'haushalt',
		tags: ['gardinen', 'haushalt'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'vormittags',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 13
	},
	{
		author: 'nele.sommer@nordstadt.example',
		kind: 'offer',
		title: 'Kinderschminken für Geburtstage',
		description:
			'Tiger, Prinzessin oder Superheld: Ich schminke Kinder auf Geburtstagen und Hoffesten. Preis pro Fest (bis 2 Stunden).',
		category: 'kinder-familie',
		tags: ['kinderschminken', 'geburtstag'],
		settlement: 'either',
		priceCents: 2500,
		priceUnit: 'job',
		availability: 'am Wochenende',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 32
	},
	{
		author: 'nele.sommer@nordstadt.example',
		kind: 'offer',
		title: 'Meditation und Entspannung am Abend',
		description:
			'Eine halbe Stunde Ruhe nach der Arbeit: geführte Meditation im Gemeinderaum der Lutherkirche.',
		category: 'gesundheit-wohlbefinden',
		tags: ['meditation', 'entspannung'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Montags 19 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 48
	},
	{
		author: 'nele.sommer@nordstadt.example',
		kind: 'request',
		title: 'Tauschpartner:innen für Kinderbücher gesucht',
		description:
			'Unsere Bilderbücher sind alle schon zehnmal vorgelesen. Wer tauscht eine Kiste gegen eine Kiste?',
		category: 'kinder-familie',
		tags: ['bücher', 'tauschen', 'kinder'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 10
	},

	{
		author: 'ewa.kowalska@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Aufbau eines Kleiderschranks gesucht',
		description:
			'Der neue Schrank ist 2,20 m hoch und ich schaffe das allein nicht. Werkzeug ist da, Tee und Kuchen auch.',
		category: 'handwerk',
		tags: ['möbel', 'aufbau'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Sonntag nachmittags',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 4
	},
	{
		author: 'sophie.richter@nordstadt.example',
		kind: 'request',
		title: 'Gebrauchte Waschmaschine gesucht',
		description:
			'Meine Waschmaschine hat nach 15 Jahren aufgegeben. Ich suche ein funktionierendes Gerät, gern mit Hilfe beim Tragen in den 3. Stock.',
		category: 'haushalt',
		tags: ['waschmaschine', 'haushalt'],
		settlement: 'euros',
		priceCents: 10000,
		priceUnit: 'job',
		availability: 'so bald wie möglich',
		block: 'nelkenstrasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'aylin.celik@nordstadt.example',
		kind: 'request',
		title: 'Hilfe beim Umzug innerhalb der Haltenhoffstraße',
		description:
			'Wir ziehen nur drei Häuser weiter, aber vom 4. Stock in den 2. Stock. Wer hilft eine Stunde beim Tragen? Pizza gibt es danach.',
		category: 'transport',
		tags: ['umzug', 'tragen'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Samstag in zwei Wochen',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 16
	},
	{
		author: 'yusuf.ozturk@nordstadt.example',
		kind: 'request',
		title: 'Englisch-Hausaufgabenhilfe für meinen Sohn gesucht',
		description:
			'Mein Sohn (6. Klasse) braucht jemanden, der zweimal pro Woche die Englisch-Hausaufgaben mit ihm durchgeht.',
		category: 'nachhilfe-sprachen',
		tags: ['englisch', 'hausaufgaben'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'Montags und Mittwochs 16 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 22
	},
	{
		author: 'jan.schwarz@nordstadt.example',
		kind: 'request',
		title: 'Gebrauchte Umzugskartons gesucht',
		description:
			'Für meinen Umzug im nächsten Monat suche ich etwa 20 stabile Umzugskartons. Ich hole sie gern ab.',
		category: 'haushalt',
		tags: ['umzug', 'kartons'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'nach Absprache',
		block: 'warstrasse',
		state: 'published',
		daysAgo: 9
	},

	// Commercial offers (and two requests) of the quarter's businesses.
	{
		author: 'sonnenkorn@nordstadt.example',
		kind: 'offer',
		title: 'Brot vom Vortag zum halben Preis',
		description:
			'Jeden Morgen packen wir Tüten mit Brot und Brötchen vom Vortag. **Eine Tüte für 3 €**, solange der Vorrat reicht.',
		category: 'haushalt',
		tags: ['brot', 'bäckerei', 'lebensmittel'],
		settlement: 'euros',
		priceCents: 300,
		priceUnit: 'job',
		availability: 'täglich ab 7 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 2
	},
	{
		author: 'sonnenkorn@nordstadt.example',
		kind: 'request',
		title: 'Aushilfe gesucht samstags im Verkauf',
		description:
			'Für unseren Laden am Engelbosteler Damm suchen wir eine freundliche Aushilfe für Verkauf und Kasse, samstags 6–13 Uhr. Erfahrung ist schön, aber kein Muss.',
		category: 'sonstiges',
		tags: ['aushilfe', 'verkauf', 'bäckerei'],
		settlement: 'euros',
		priceCents: 1450,
		priceUnit: 'hour',
		availability: 'Samstags 6–13 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 9
	},
	{
		author: 'sonnenkorn@nordstadt.example',
		kind: 'offer',
		title: 'Backkurs: Sauerteigbrot selbst backen',
		description:
			'In unserer Backstube zeigen wir, wie ein gutes Sauerteigbrot entsteht. Jede:r nimmt ein eigenes Brot und Anstellgut mit nach Hause.',
		category: 'kultur-freizeit',
		tags: ['backen', 'kurs', 'brot'],
		settlement: 'either',
		priceCents: 3500,
		priceUnit: 'job',
		availability: 'einmal im Monat, Sonntag 14 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 22
	},
	{
		author: 'sonnenkorn@nordstadt.example',
		kind: 'offer',
		title: 'Geburtstagstorten auf Bestellung',
		description:
			'Torten in jeder Größe, auch vegan oder glutenfrei. Bitte drei Tage vorher bestellen. Preis für eine Torte mit 12 Stücken.',
		category: 'sonstiges',
		tags: ['torte', 'geburtstag', 'bäckerei'],
		settlement: 'euros',
		priceCents: 3800,
		priceUnit: 'job',
		availability: 'Bestellung drei Tage vorher',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 44
	},
	{
		author: 'speiche@nordstadt.example',
		kind: 'offer',
		title: 'Fahrrad-Inspektion zum Festpreis',
		description:
			'Wir machen eure Fahrräder fit:\n\n- Bremsen und Schaltung einstellen\n- Kette reinigen und ölen\n- Licht und Reifen prüfen\n\nErsatzteile werden extra berechnet.',
		category: 'reparatur',
		tags: ['fahrrad', 'inspektion', 'werkstatt'],
		settlement: 'euros',
		priceCents: 4900,
		priceUnit: 'job',
		availability: 'Montag bis Freitag 10–18 Uhr',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 5
	},
	{
		author: 'speiche@nordstadt.example',
		kind: 'offer',
		title: 'Schläuche und Reifen wechseln – während du wartest',
		description:
			'Platten? Wir wechseln Schläuche und Mäntel meist in 15 Minuten. Preis inklusive Schlauch, Mäntel extra.',
		category: 'reparatur',
		tags: ['fahrrad', 'schlauch', 'reifen'],
		settlement: 'euros',
		priceCents: 1500,
		priceUnit: 'job',
		availability: 'Montag bis Samstag',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 14
	},
	{
		author: 'speiche@nordstadt.example',
		kind: 'offer',
		title: 'Gebrauchte Fahrräder, generalüberholt',
		description:
			'Stadträder, Hollandräder und Kinderfahrräder, von uns durchgesehen, mit sechs Monaten Gewährleistung. Preis ab 180 €.',
		category: 'transport',
		tags: ['fahrrad', 'gebraucht'],
		settlement: 'euros',
		priceCents: 18000,
		priceUnit: 'job',
		availability: 'zu den Öffnungszeiten',
		block: 'schaufelder-strasse',
		state: 'published',
		daysAgo: 30
	},
	{
		author: 'speiche@nordstadt.example',
		kind: 'offer',
		title: 'Kinderfahrrad-Tauschbörse in der Werkstatt',
		description:
			'Bringt zu kleine Kinderfahrräder vorbei und nehmt ein größeres mit. Wir prüfen die Räder kostenlos.',
		category: 'kinder-familie',
		tags: ['fahrrad', 'kinder', 'tauschen'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'erster Samstag im Monat',
		block: 'schaufelder-strasse',
		state: 'paused',
		daysAgo: 51
	},
	{
		author: 'eckbank@nordstadt.example',
		kind: 'offer',
		title: 'Raum für Nachbarschaftstreffen (Café Eckbank)',
		description:
			'Unser Hinterzimmer bietet Platz für 20 Personen, mit Beamer und Kaffee. Ideal für Hausgemeinschaften, Initiativen und Spieleabende.',
		category: 'kultur-freizeit',
		tags: ['raum', 'treffen', 'café'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'hour',
		availability: 'Montag bis Donnerstag ab 18 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 8
	},
	{
		author: 'eckbank@nordstadt.example',
		kind: 'offer',
		title: 'Mittagstisch für Senioren – dienstags günstiger',
		description:
			'Dienstags gibt es bei uns ein warmes Mittagessen mit Nachtisch für Senior:innen zum Sonderpreis.',
		category: 'senioren',
		tags: ['mittagstisch', 'essen', 'senioren'],
		settlement: 'euros',
		priceCents: 650,
		priceUnit: 'job',
		availability: 'Dienstags 12–14 Uhr',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 19
	},
	{
		author: 'eckbank@nordstadt.example',
		kind: 'offer',
		title: 'Kuchenbuffet für Hoffeste und Feiern',
		description:
			'Wir liefern ein Buffet mit vier Kuchen und Kaffee in Thermoskannen. Preis für 20 Personen.',
		category: 'kultur-freizeit',
		tags: ['kuchen', 'feier', 'café'],
		settlement: 'euros',
		priceCents: 9500,
		priceUnit: 'job',
		availability: 'mit einer Woche Vorlauf',
		block: 'lutherkirche-kniestrasse',
		state: 'published',
		daysAgo: 37
	},
	{
		author: 'faden@nordstadt.example',
		kind: 'offer',
		title: 'Änderungsschneiderei: Hosen kürzen, Reißverschlüsse',
		description:
			'Wir kürzen, weiten und flicken. Neuer Reißverschluss in der Jacke? Meist in drei Tagen fertig. Preis ab 12 €.',
		category: 'handwerk',
		tags: ['nähen', 'änderung'],
		settlement: 'euros',
		priceCents: 1200,
		priceUnit: 'job',
		availability: 'Dienstag bis Samstag',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 11
	},
	{
		author: 'faden@nordstadt.example',
		kind: 'offer',
		title: 'Nähmaschinen-Kurs am Samstag',
		description:
			'In drei Stunden lernt ihr die Nähmaschine kennen und näht einen Turnbeutel. Maschinen stellen wir.',
		category: 'handwerk',
		tags: ['nähen', 'kurs'],
		settlement: 'either',
		priceCents: 3500,
		priceUnit: 'job',
		availability: 'Samstags 10–13 Uhr',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 25
	},
	{
		author: 'faden@nordstadt.example',
		kind: 'offer',
		title: 'Stoffreste für Kitas und Bastelgruppen',
		description:
			'Wir geben Stoffreste und Knöpfe kostenlos an Kitas, Schulen und Bastelgruppen ab.',
		category: 'handwerk',
		tags: ['stoff', 'basteln', 'verschenken'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'zu den Öffnungszeiten',
		block: 'oberstrasse',
		state: 'published',
		daysAgo: 48
	},
	{
		author: 'elektro-schulte@nordstadt.example',
		kind: 'offer',
		title: 'Elektro-Check für Altbauwohnungen',
		description:
			'Wir prüfen Sicherungskasten, Leitungen und Steckdosen und sagen euch, was dringend ist. Mit Prüfprotokoll.',
		category: 'reparatur',
		tags: ['elektro', 'altbau', 'sicherheit'],
		settlement: 'euros',
		priceCents: 8900,
		priceUnit: 'job',
		availability: 'werktags 8–16 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 15
	},
	{
		author: 'elektro-schulte@nordstadt.example',
		kind: 'offer',
		title: 'Herd und Küche anschließen vom Meisterbetrieb',
		description:
			'Neue Küche gekauft? Wir schließen Herd, Backofen und Dunstabzug fachgerecht an. Abrechnung nach Stunden.',
		category: 'handwerk',
		tags: ['küche', 'herd', 'elektro'],
		settlement: 'euros',
		priceCents: 5800,
		priceUnit: 'hour',
		availability: 'werktags 8–16 Uhr',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 28
	},
	{
		author: 'elektro-schulte@nordstadt.example',
		kind: 'offer',
		title: 'Altgeräte-Abholung: Kühlschrank, Waschmaschine',
		description:
			'Wir holen alte Großgeräte aus der Wohnung und entsorgen sie fachgerecht. Auch aus dem 4. Stock.',
		category: 'transport',
		tags: ['entsorgung', 'elektrogeräte'],
		settlement: 'euros',
		priceCents: 2500,
		priceUnit: 'job',
		availability: 'nach Terminvereinbarung',
		block: 'engelbosteler-damm-nord',
		state: 'published',
		daysAgo: 53
	},
	{
		author: 'gruenzeug@nordstadt.example',
		kind: 'offer',
		title: 'Balkonpflanzen und Kräuter aus der Region',
		description:
			'Geranien, Lavendel, Basilikum und Minze von einer Gärtnerei aus Isernhagen. Kräutertöpfe ab 3,50 €.',
		category: 'garten',
		tags: ['balkon', 'kräuter', 'pflanzen'],
		settlement: 'euros',
		priceCents: 350,
		priceUnit: 'job',
		availability: 'Montag bis Samstag 9–18 Uhr',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 3
	},
	{
		author: 'gruenzeug@nordstadt.example',
		kind: 'offer',
		title: 'Blumensträuße und Trauerfloristik auf Bestellung',
		description:
			'Wir binden Sträuße für Geburtstage, Hochzeiten und Trauerfeiern. Lieferung in der Nordstadt kostenlos.',
		category: 'sonstiges',
		tags: ['blumen', 'floristik'],
		settlement: 'euros',
		priceCents: 3500,
		priceUnit: 'job',
		availability: 'Bestellung einen Tag vorher',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 20
	},
	{
		author: 'gruenzeug@nordstadt.example',
		kind: 'offer',
		title: 'Balkon bepflanzen lassen – wir kommen vorbei',
		description:
			'Wir bringen Erde, Kästen und Pflanzen und gestalten euren Balkon. Abrechnung nach Stunden plus Material.',
		category: 'garten',
		tags: ['balkon', 'pflanzen', 'service'],
		settlement: 'either',
		priceCents: 3000,
		priceUnit: 'hour',
		availability: 'April bis September',
		block: 'asternstrasse',
		state: 'published',
		daysAgo: 41
	},
	{
		author: 'repaircafe@nordstadt.example',
		kind: 'offer',
		title: 'Repair-Café: Elektrogeräte gemeinsam reparieren',
		description:
			'Toaster kaputt, Radio stumm? Jeden zweiten Samstag reparieren wir gemeinsam, was sich reparieren lässt. Spenden willkommen, mehr unter https://example.org.',
		category: 'reparatur',
		tags: ['reparatur', 'elektrogeräte', 'nachhaltig'],
		settlement: 'free',
		priceCents: null,
		priceUnit: null,
		availability: 'jeden zweiten Samstag 14–17 Uhr',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 6
	},
	{
		author: 'repaircafe@nordstadt.example',
		kind: 'request',
		title: 'Ehrenamtliche Reparateur:innen für das Repair-Café gesucht',
		description:
			'Ihr könnt löten, nähen oder Fahrräder flicken? Wir suchen Verstärkung für unsere Reparatur-Samstage. Eure Zeit wird im Stundenkonto gutgeschrieben.',
		category: 'reparatur',
		tags: ['ehrenamt', 'reparatur'],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: 'jeden zweiten Samstag',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 18
	},
	{
		author: 'repaircafe@nordstadt.example',
		kind: 'offer',
		title: 'Kaffeemaschinen entkalken und reparieren',
		description:
			'Wir entkalken Vollautomaten und tauschen Dichtungen. Ersatzteile zum Selbstkostenpreis.',
		category: 'reparatur',
		tags: ['kaffeemaschine', 'reparatur'],
		settlement: 'either',
		priceCents: 1500,
		priceUnit: 'job',
		availability: 'Abgabe samstags',
		block: 'haltenhoffstrasse',
		state: 'published',
		daysAgo: 34
	},
	{
		author: 'aksoy@nordstadt.example',
		kind: 'offer',
		title: 'Einkäufe nach Hause liefern für Senioren',
		description:
			'Bestellen Sie telefonisch oder im Laden, wir bringen die Einkäufe bis an die Wohnungstür. Liefergebühr pro Lieferung.',
		category: 'senioren',
		tags: ['lieferung', 'einkauf', 'senioren'],
		settlement: 'euros',
		priceCents: 300,
		priceUnit: 'job',
		availability: 'Montag bis Samstag, Lieferung ab 14 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 10
	},
	{
		author: 'aksoy@nordstadt.example',
		kind: 'offer',
		title: 'Obst- und Gemüsekiste der Woche',
		description:
			'Eine Kiste mit saisonalem Obst und Gemüse für 2–3 Personen, jeden Freitag frisch gepackt.',
		category: 'haushalt',
		tags: ['obst', 'gemüse', 'lebensmittel'],
		settlement: 'euros',
		priceCents: 1800,
		priceUnit: 'job',
		availability: 'Freitags ab 10 Uhr',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 24
	},
	{
		author: 'aksoy@nordstadt.example',
		kind: 'offer',
		title: 'Meze-Platten für Feiern und Hoffeste',
		description:
			'Hummus, Ezme, Sigara Börek und Oliven auf großen Platten, für 10 bis 15 Personen. Bitte zwei Tage vorher bestellen.',
		category: 'kultur-freizeit',
		tags: ['essen', 'feier', 'catering'],
		settlement: 'euros',
		priceCents: 4500,
		priceUnit: 'job',
		availability: 'Bestellung zwei Tage vorher',
		block: 'engelbosteler-damm-sued',
		state: 'published',
		daysAgo: 55
	}
];

export const SEED_PROFILES: SeedProfile[] = [
	{
		member: 'anna.becker@nordstadt.example',
		bio: 'Ich studiere Lehramt Mathematik und Sport und wohne seit drei Jahren in der Oberstraße. Nachhilfe gebe ich mit viel Geduld.',
		skills: [
			{ name: 'Nachhilfe Mathe', level: 'expert' },
			{ name: 'Hausaufgabenbetreuung', level: 'good' },
			{ name: 'Kinderbetreuung', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'oberstrasse',
		showEmail: true,
		phone: ''
	},
	{
		member: 'mehmet.yilmaz@nordstadt.example',
		bio: 'Ich bin Lagerist, fahre einen kleinen Transporter und kenne mich mit Behördenbriefen aus. Ich helfe gern, wo ich kann.',
		skills: [
			{ name: 'Umzugshilfe', level: 'expert' },
			{ name: 'Übersetzung Türkisch', level: 'expert' },
			{ name: 'Behördenbriefe', level: 'good' },
			{ name: 'Führerschein Klasse B', level: null }
		],
		languages: ['Türkisch', 'Arabisch', 'Deutsch'],
		talentDirectory: true,
		block: 'engelbosteler-damm-nord',
		showEmail: false,
		phone: ''
	},
	{
		member: 'jonas.hoffmann@nordstadt.example',
		bio: 'Ich schraube seit meiner Jugend an Fahrrädern und habe im Hinterhof eine kleine Werkstatt. Nebenbei studiere ich Maschinenbau.',
		skills: [
			{ name: 'Fahrradreparatur', level: 'expert' },
			{ name: 'Schweißen', level: 'basic' },
			{ name: 'Werkzeug', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'hahnenstrasse',
		showEmail: true,
		phone: ''
	},
	{
		member: 'lena.schulz@nordstadt.example',
		bio: 'Ich studiere Anglistik und jobbe nebenbei im Buchladen. Tiere und Sprachen sind meine Leidenschaft.',
		skills: [
			{ name: 'Englisch', level: 'expert' },
			{ name: 'Verkauf', level: 'basic' },
			{ name: 'Tierbetreuung', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch', 'Spanisch'],
		talentDirectory: true,
		block: 'callinstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'ewa.kowalska@nordstadt.example',
		bio: 'Ich bin gelernte Schneiderin aus Breslau und nähe fast alles. Am Küchentisch gebe ich mein Wissen gern weiter.',
		skills: [
			{ name: 'Nähen', level: 'expert' },
			{ name: 'Änderungen', level: 'expert' },
			{ name: 'Polnisch unterrichten', level: 'good' }
		],
		languages: ['Polnisch', 'Deutsch'],
		talentDirectory: true,
		block: 'asternstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'paul.wagner@nordstadt.example',
		bio: 'Ich war 40 Jahre Hausmeister und bin jetzt Rentner. Mit Werkzeug in der Hand fühle ich mich am wohlsten.',
		skills: [
			{ name: 'Kleinreparaturen', level: 'expert' },
			{ name: 'Bohren und Montieren', level: 'expert' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'weidendamm',
		showEmail: false,
		phone: ''
	},
	{
		member: 'fatma.demir@nordstadt.example',
		bio: 'Ich bin Mutter von drei Kindern und koche leidenschaftlich gern. Wer mit mir backen will, ist herzlich eingeladen.',
		skills: [
			{ name: 'Kochen', level: 'expert' },
			{ name: 'Backen', level: 'good' },
			{ name: 'Kinderbetreuung', level: 'good' }
		],
		languages: ['Türkisch', 'Deutsch', 'Kurdisch'],
		talentDirectory: true,
		block: 'haltenhoffstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'lukas.schmitt@nordstadt.example',
		bio: 'Ich studiere Informatik an der Leibniz Universität. Computerprobleme sind für mich kleine Rätsel, die ich gern löse.',
		skills: [
			{ name: 'Computerhilfe', level: 'expert' },
			{ name: 'Netzwerke und WLAN', level: 'good' },
			{ name: 'Smartphone erklären', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'callinstrasse',
		showEmail: true,
		phone: ''
	},
	{
		member: 'marie.keller@nordstadt.example',
		bio: 'Ich bin Yogalehrerin und Mutter von zwei Kindern. In der Nordstadt schätze ich die kurzen Wege und die Nachbarschaft.',
		skills: [
			{ name: 'Yoga', level: 'expert' },
			{ name: 'Entspannung', level: 'good' }
		],
		languages: ['Deutsch', 'Französisch'],
		talentDirectory: false,
		block: 'lutherkirche-kniestrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'karl-heinz.brandt@nordstadt.example',
		bio: 'Ich bin Rentner, habe einen Schrebergarten und ziehe jedes Jahr viel zu viele Tomaten vor. Rufen Sie gern an.',
		skills: [
			{ name: 'Gartenarbeit', level: 'expert' },
			{ name: 'Heckenschnitt', level: 'good' },
			{ name: 'Schach', level: 'good' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'im-moore',
		showEmail: false,
		phone: '0511 712845'
	},
	{
		member: 'sophie.richter@nordstadt.example',
		bio: 'Ich bin Musiklehrerin und unterrichte Gitarre. Mit meinem Hund bin ich oft im Georgengarten unterwegs.',
		skills: [
			{ name: 'Gitarrenunterricht', level: 'expert' },
			{ name: 'Hundebetreuung', level: 'good' },
			{ name: 'Chorleitung', level: 'basic' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'nelkenstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'ahmad.haidari@nordstadt.example',
		bio: 'Ich komme aus Herat und lebe seit vier Jahren in Hannover. Ich mache eine Ausbildung zum Anlagenmechaniker.',
		skills: [
			{ name: 'Übersetzung Dari/Farsi', level: 'expert' },
			{ name: 'Umzugshilfe', level: 'good' },
			{ name: 'Heizungstechnik', level: 'basic' }
		],
		languages: ['Dari', 'Farsi', 'Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'engelbosteler-damm-sued',
		showEmail: false,
		phone: ''
	},
	{
		member: 'gisela.neumann@nordstadt.example',
		bio: 'Ich wohne seit 52 Jahren in der Fenskestraße und stricke für mein Leben gern. Für schwere Sachen brauche ich inzwischen Hilfe.',
		skills: [{ name: 'Stricken', level: 'expert' }],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'fenskestrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'tim.kruger@nordstadt.example',
		bio: 'Ich arbeite als Lagerlogistiker, trainiere eine Jugendmannschaft und habe einen Transporter vor der Tür.',
		skills: [
			{ name: 'Transporte', level: 'good' },
			{ name: 'Fußballtraining', level: 'good' },
			{ name: 'Staplerschein', level: null }
		],
		languages: ['Deutsch'],
		talentDirectory: true,
		block: 'warstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'olga.petrenko@nordstadt.example',
		bio: 'Ich war in Charkiw Lehrerin und bin seit zwei Jahren in Hannover. Ich unterrichte gern und lerne jeden Tag Deutsch dazu.',
		skills: [
			{ name: 'Russisch unterrichten', level: 'expert' },
			{ name: 'Ukrainisch unterrichten', level: 'expert' },
			{ name: 'Haare schneiden', level: 'good' }
		],
		languages: ['Ukrainisch', 'Russisch', 'Deutsch'],
		talentDirectory: true,
		block: 'kopernikusstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'felix.wolf@nordstadt.example',
		bio: 'Ich bin Tischler und laufe morgens gern durch den Georgengarten. Möbel aufbauen ist für mich Entspannung.',
		skills: [
			{ name: 'Möbelaufbau', level: 'expert' },
			{ name: 'Holzarbeiten', level: 'expert' },
			{ name: 'Lauftraining', level: 'basic' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'schaufelder-strasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'hannelore.schroder@nordstadt.example',
		bio: 'Ich bin 84 Jahre alt und lese für mein Leben gern, auch wenn die Augen nicht mehr mitmachen. Besuch freut mich immer.',
		skills: [{ name: 'Marmelade einkochen', level: 'expert' }],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'lutherkirche-kniestrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'niklas.braun@nordstadt.example',
		bio: 'Ich arbeite als Webentwickler im Homeoffice und organisiere Brettspielabende. Mittags habe ich Zeit für kleine Besorgungen.',
		skills: [
			{ name: 'Webentwicklung', level: 'expert' },
			{ name: 'Einkaufshilfe', level: null },
			{ name: 'Hochbeete bauen', level: 'basic' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'asternstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'ingrid.hartmann@nordstadt.example',
		bio: 'Ich war Krankenschwester und bin jetzt Rentnerin. Ich backe gern für Feste und begleite Nachbar:innen beim Spazierengehen.',
		skills: [
			{ name: 'Backen', level: 'expert' },
			{ name: 'Pflege und Begleitung', level: 'expert' },
			{ name: 'Verkauf', level: 'basic' }
		],
		languages: ['Deutsch'],
		talentDirectory: true,
		block: 'oberstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'aylin.celik@nordstadt.example',
		bio: 'Ich habe drei Jahre in einem Café gearbeitet und mache gerade eine Ausbildung zur Kosmetikerin. Am Wochenende helfe ich gern aus.',
		skills: [
			{ name: 'Barista', level: 'expert' },
			{ name: 'Kasse', level: 'good' },
			{ name: 'Make-up', level: 'good' },
			{ name: 'Deutsch-Nachhilfe', level: 'basic' }
		],
		languages: ['Deutsch', 'Türkisch', 'Englisch'],
		talentDirectory: true,
		block: 'haltenhoffstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'jan.schwarz@nordstadt.example',
		bio: 'Ich bin gelernter Elektroniker und repariere in meiner Freizeit Lampen, Radios und alles mit Kabel.',
		skills: [
			{ name: 'Elektroreparaturen', level: 'expert' },
			{ name: 'Löten', level: 'expert' }
		],
		languages: ['Deutsch'],
		talentDirectory: true,
		block: 'warstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'monika.krause@nordstadt.example',
		bio: 'Ich habe 20 Jahre im Einzelhandel gearbeitet und bin jetzt in Teilzeit. Ordnung und Sauberkeit liegen mir.',
		skills: [
			{ name: 'Verkauf', level: 'expert' },
			{ name: 'Kasse', level: 'expert' },
			{ name: 'Bügeln', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: true,
		block: 'nelkenstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'yusuf.ozturk@nordstadt.example',
		bio: 'Ich bin Fliesenleger und Vater von Zwillingen. Nach Feierabend helfe ich Nachbarn bei Bad und Küche.',
		skills: [
			{ name: 'Fliesen legen', level: 'expert' },
			{ name: 'Autoreparatur', level: 'basic' }
		],
		languages: ['Türkisch', 'Deutsch'],
		talentDirectory: false,
		block: 'engelbosteler-damm-sued',
		showEmail: false,
		phone: ''
	},
	{
		member: 'laura.meier@nordstadt.example',
		bio: 'Ich bin Physiotherapeutin und gebe im Hinterhof Pilates. Früher habe ich im Supermarkt an der Kasse gejobbt.',
		skills: [
			{ name: 'Pilates', level: 'expert' },
			{ name: 'Kasse', level: 'good' },
			{ name: 'Verkauf', level: 'good' }
		],
		languages: ['Deutsch', 'Italienisch'],
		talentDirectory: true,
		block: 'schaufelder-strasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'dieter.lehmann@nordstadt.example',
		bio: 'Ich bin pensionierter Werkzeugmacher. In meiner Kellerwerkstatt entstehen Vogelhäuser und kleine Möbel.',
		skills: [
			{ name: 'Holzarbeiten', level: 'expert' },
			{ name: 'Schleifen', level: 'expert' },
			{ name: 'Fahrdienst', level: null }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'kopernikusstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'agnieszka.nowak@nordstadt.example',
		bio: 'Ich habe in einer Gärtnerei gearbeitet und putze heute in Teilzeit. Am liebsten bin ich draußen im Grünen.',
		skills: [
			{ name: 'Gartenarbeit', level: 'expert' },
			{ name: 'Reinigung', level: 'good' }
		],
		languages: ['Polnisch', 'Deutsch'],
		talentDirectory: false,
		block: 'fenskestrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'ben.fuchs@nordstadt.example',
		bio: 'Ich studiere Physik im 5. Semester, spiele Gitarre und programmiere gern kleine Spiele.',
		skills: [
			{ name: 'Nachhilfe Physik', level: 'expert' },
			{ name: 'Python', level: 'good' },
			{ name: 'Gitarre', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: false,
		block: 'callinstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'ursula.vogel@nordstadt.example',
		bio: 'Ich bin Rentnerin, häkle und stricke leidenschaftlich gern und habe eine Wohnung voller Zimmerpflanzen.',
		skills: [
			{ name: 'Häkeln', level: 'expert' },
			{ name: 'Stricken', level: 'expert' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'nienburger-strasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'samira.el-amin@nordstadt.example',
		bio: 'Ich bin Erzieherin und in Beirut aufgewachsen. Ich dolmetsche gern für Familien aus der Nachbarschaft.',
		skills: [
			{ name: 'Dolmetschen Arabisch', level: 'expert' },
			{ name: 'Kinderbetreuung', level: 'expert' }
		],
		languages: ['Arabisch', 'Deutsch', 'Französisch'],
		talentDirectory: false,
		block: 'engelbosteler-damm-nord',
		showEmail: false,
		phone: ''
	},
	{
		member: 'nele.sommer@nordstadt.example',
		bio: 'Ich bin Heilerziehungspflegerin, schminke Kinder auf Festen und leite eine kleine Meditationsgruppe.',
		skills: [
			{ name: 'Kinderschminken', level: 'good' },
			{ name: 'Meditation', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: false,
		block: 'lutherkirche-kniestrasse',
		showEmail: false,
		phone: ''
	},

	// Businesses: never in the talent directory.
	{
		member: 'sonnenkorn@nordstadt.example',
		bio: 'Familienbäckerei seit 1962 am Engelbosteler Damm. Wir backen mit Sauerteig und Getreide aus der Region.',
		skills: [
			{ name: 'Backen', level: 'expert' },
			{ name: 'Torten', level: 'expert' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'engelbosteler-damm-sued',
		showEmail: false,
		phone: ''
	},
	{
		member: 'speiche@nordstadt.example',
		bio: 'Fahrradwerkstatt mit Herz: Wir reparieren Fahrräder aller Marken und verkaufen geprüfte Gebrauchträder.',
		skills: [
			{ name: 'Fahrradreparatur', level: 'expert' },
			{ name: 'E-Bike-Service', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: false,
		block: 'schaufelder-strasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'eckbank@nordstadt.example',
		bio: 'Nachbarschaftscafé an der Lutherkirche mit Mittagstisch, Kuchen und einem Hinterzimmer für Treffen.',
		skills: [
			{ name: 'Barista', level: 'expert' },
			{ name: 'Catering', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch'],
		talentDirectory: false,
		block: 'lutherkirche-kniestrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'faden@nordstadt.example',
		bio: 'Änderungsschneiderei und Nähwerkstatt in der Oberstraße. Wir flicken, kürzen und geben Nähkurse.',
		skills: [
			{ name: 'Änderungen', level: 'expert' },
			{ name: 'Nähkurse', level: 'expert' }
		],
		languages: ['Deutsch', 'Türkisch'],
		talentDirectory: false,
		block: 'oberstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'elektro-schulte@nordstadt.example',
		bio: 'Elektro-Meisterbetrieb in dritter Generation. Wir kennen die Altbauten der Nordstadt wie unsere Westentasche.',
		skills: [
			{ name: 'Elektroinstallation', level: 'expert' },
			{ name: 'E-Check', level: 'expert' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'engelbosteler-damm-nord',
		showEmail: false,
		phone: ''
	},
	{
		member: 'gruenzeug@nordstadt.example',
		bio: 'Blumenladen mit Pflanzen aus der Region, Sträußen auf Bestellung und Balkonservice.',
		skills: [
			{ name: 'Floristik', level: 'expert' },
			{ name: 'Balkonbepflanzung', level: 'good' }
		],
		languages: ['Deutsch'],
		talentDirectory: false,
		block: 'asternstrasse',
		showEmail: false,
		phone: ''
	},
	{
		member: 'repaircafe@nordstadt.example',
		bio: 'Ehrenamtliches Repair-Café: Jeden zweiten Samstag reparieren wir gemeinsam Elektrogeräte, Kleidung und Fahrräder.',
		skills: [
			{ name: 'Elektroreparaturen', level: 'good' },
			{ name: 'Nähen', level: 'good' },
			{ name: 'Fahrradreparatur', level: 'good' }
		],
		languages: ['Deutsch', 'Englisch', 'Arabisch'],
		talentDirectory: false,
		block: 'haltenhoffstrasse',
		showEmail: true,
		phone: ''
	},
	{
		member: 'aksoy@nordstadt.example',
		bio: 'Lebensmittel, Obst und Gemüse am Engelbosteler Damm, sechs Tage die Woche. Wir liefern auch nach Hause.',
		skills: [
			{ name: 'Lieferservice', level: 'good' },
			{ name: 'Catering', level: 'good' }
		],
		languages: ['Türkisch', 'Deutsch', 'Kurdisch'],
		talentDirectory: false,
		block: 'engelbosteler-damm-sued',
		showEmail: false,
		phone: '0511 394027'
	}
];

export const SEED_CONVERSATIONS: SeedConversation[] = [
	{
		// A business that found a resident through the talent directory.
		listingTitle: 'Aushilfe als Barista bei Festen und Events',
		contact: 'eckbank@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Hallo Aylin, wir haben dich im Talentverzeichnis gefunden und dann dein Angebot gesehen. Hättest du Lust, beim Hoffest in drei Wochen an unserer Kaffeebar zu helfen?',
				minutesAgo: 2880
			},
			{
				from: 'author',
				text: 'Hallo! Sehr gern, mit Siebträgern kenne ich mich aus. Wie lange geht das Fest denn?',
				minutesAgo: 2710
			},
			{
				from: 'contact',
				text: 'Von 14 bis 19 Uhr. Wir würden 15 € pro Stunde zahlen, wie in deinem Angebot. Passt das?',
				minutesAgo: 2650
			},
			{
				from: 'author',
				text: 'Passt perfekt. Ich komme vorher gern einmal vorbei, um eure Maschine kennenzulernen.',
				minutesAgo: 1500
			},
			{
				from: 'contact',
				text: 'Super, komm einfach am Donnerstag um 16 Uhr vorbei. Bis dann!',
				minutesAgo: 1440
			}
		]
	},
	{
		listingTitle: 'Tomatensetzlinge zu verschenken',
		contact: 'mia.schmid@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Hallo Herr Brandt, hätten Sie noch zwei Cocktailtomaten für unseren Balkon übrig?',
				minutesAgo: 600
			},
			{
				from: 'author',
				text: 'Guten Tag! Ja, es sind noch reichlich da. Kommen Sie heute Nachmittag vorbei und klingeln Sie einfach bei Brandt.',
				minutesAgo: 545
			},
			{
				from: 'contact',
				text: 'Wunderbar, ich komme gegen 16 Uhr mit meinem Sohn. Vielen Dank!',
				minutesAgo: 520
			}
		]
	},
	{
		listingTitle: 'Nachhilfe Mathe für die 5. bis 10. Klasse',
		contact: 'fatma.demir@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Hallo Anna, mein Sohn ist in der 7. Klasse und schreibt bald eine Arbeit über Prozentrechnung. Hättest du diese Woche Zeit?',
				minutesAgo: 4320
			},
			{
				from: 'author',
				text: 'Hallo Fatma, ja gern! Mittwoch um 17 Uhr würde passen. Wir können uns bei euch treffen.',
				minutesAgo: 4190
			},
			{
				from: 'contact',
				text: 'Mittwoch ist gut. Wir wohnen in der Haltenhoffstraße, die Hausnummer schicke ich dir noch.',
				minutesAgo: 4100
			},
			{ from: 'author', text: 'Prima, bis Mittwoch!', minutesAgo: 4085 }
		]
	},
	{
		listingTitle: 'Wer stellt dienstags meine Mülltonnen raus?',
		contact: 'agnieszka.nowak@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Guten Tag Frau Neumann, ich wohne zwei Häuser weiter und stelle dienstags sowieso unsere Tonnen raus. Ihre nehme ich gern mit.',
				minutesAgo: 1800
			},
			{
				from: 'author',
				text: 'Das ist aber lieb von Ihnen! Die Tonnen stehen im Hof links neben der Kellertür.',
				minutesAgo: 1620
			},
			{
				from: 'contact',
				text: 'Alles klar, dann fange ich nächsten Dienstag an.',
				minutesAgo: 1600
			}
		]
	},
	{
		listingTitle: 'Umzugshilfe mit Transporter',
		contact: 'lena.schulz@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Hallo Mehmet, ich ziehe Ende des Monats von der Callinstraße nach Linden. Es sind nur ein Bett, ein Regal und etwa 15 Kisten. Hättest du an einem Samstag Zeit?',
				minutesAgo: 7200
			},
			{
				from: 'author',
				text: 'Hallo Lena, das klingt machbar. Der letzte Samstag im Monat passt mir. Rechnen wir in Stunden ab?',
				minutesAgo: 7010
			},
			{
				from: 'contact',
				text: 'Sehr gern über das Stundenkonto. Ich bringe noch einen Freund zum Tragen mit.',
				minutesAgo: 6900
			},
			{
				from: 'author',
				text: 'Super, dann sind wir in zwei Stunden fertig. Ich bin um 10 Uhr da.',
				minutesAgo: 6880
			}
		]
	},
	{
		listingTitle: 'Jemand zum Vorlesen am Nachmittag gesucht',
		contact: 'nele.sommer@nordstadt.example',
		messages: [
			{
				from: 'contact',
				text: 'Liebe Frau Schröder, ich lese sehr gern vor und wohne gleich bei der Lutherkirche. Was lesen Sie denn am liebsten?',
				minutesAgo: 300
			},
			{
				from: 'author',
				text: 'Oh, wie schön! Am liebsten Fontane, „Effi Briest“ liegt schon bereit. Passt Ihnen Donnerstag um 15 Uhr?',
				minutesAgo: 240
			},
			{
				from: 'contact',
				text: 'Donnerstag passt wunderbar. Ich bringe Kekse mit!',
				minutesAgo: 205
			}
		]
	}
];

/** One open report: a resident who sells used smartphones like a shop (undeclared commercial). */
export const SEED_FLAG: SeedFlag = {
	listingTitle: 'Gebrauchte Smartphones, geprüft – viele Modelle',
	reporter: 'ingrid.hartmann@nordstadt.example',
	reason: 'commercial',
	note: 'Hier werden laufend neue Handys verkauft, dazu Display-Reparaturen gegen Geld. Das wirkt wie ein Gewerbe und nicht wie Nachbarschaftshilfe. Bitte prüfen, ob das als gewerbliches Angebot laufen muss.'
};
