// The browse/search page of the built app under 50 concurrent clients, on the demo data plus
// 50,000 generated listings, beside routes that do no database work, measured in the same run on
// a throw-away embedded FerretDB. Part of `npm run bench`; `npm run bench -- search` or
// `npx tsx bench/search.ts` runs it alone. BENCH_SEARCH_LISTINGS and BENCH_SEARCH_SECONDS make
// a quicker run; BENCH_SEARCH_CPU_PROF=<dir> writes CPU profiles of the app process there, one
// per route (open them in Chrome DevTools or speedscope).
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import type { Block } from '../src/lib/domain/listings/categories';
import type {
	Listing,
	ListingKind,
	ListingSettlement,
	ListingState
} from '../src/lib/domain/listings/listing';
import {
	findFreePort,
	startEmbeddedFerretDB,
	type EmbeddedServer
} from '../src/lib/server/db/embedded.js';
import { serve } from '../scripts/serve.js';
import { seededRandom } from '../src/lib/random';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_FLAG = '--seed-listings';
/** An active resident of the demo seed (scripts/seed-data/nordstadt.ts) with a profile block. */
const MEMBER_EMAIL = 'jonas.hoffmann@nordstadt.example';

const ms = (x: number) => `${x.toFixed(1)} ms`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---------------------------------------------------------------------------------------------
// Generated listings: deterministic German text from word lists, so that every run searches the
// same material and the search URLs below find something.

interface Topic {
	category: string;
	titles: string[];
	sentences: string[];
	tags: string[];
}

const TOPICS: Topic[] = [
	{
		category: 'reparatur',
		titles: [
			'Fahrradreparatur',
			'Fahrrad-Check vor der Tour',
			'Platten am Fahrrad flicken',
			'Reparatur von Kaffeemaschinen',
			'Toaster und Wasserkocher reparieren',
			'Nähmaschine wieder flott machen',
			'Reparatur-Café für kleine Elektrogeräte'
		],
		sentences: [
			'Ich repariere Fahrräder aller Art: Schläuche flicken, Bremsen einstellen, Kette ölen.',
			'Kleine Elektrogeräte schaue ich mir gern an, bevor sie im Müll landen.',
			'Werkzeug und Ersatzteile bringe ich mit, die Reparatur machen wir gemeinsam.',
			'Gangschaltung, Licht und Speichen am Fahrrad sind meine Spezialität.'
		],
		tags: ['fahrrad', 'reparatur', 'werkzeug', 'elektro']
	},
	{
		category: 'nachhilfe-sprachen',
		titles: [
			'Nachhilfe in Mathematik',
			'Nachhilfe Deutsch für die Oberstufe',
			'Englisch-Nachhilfe für Schüler',
			'Französisch für Anfänger',
			'Hausaufgabenhilfe am Nachmittag',
			'Deutsch lernen im Gespräch',
			'Nachhilfe in Physik und Chemie'
		],
		sentences: [
			'Ich gebe Nachhilfe für die Klassen 5 bis 10, geduldig und mit eigenen Übungsblättern.',
			'Wir üben Vokabeln, Grammatik und Aussprache in ruhiger Atmosphäre.',
			'Vor Klassenarbeiten gehen wir den Stoff gemeinsam Schritt für Schritt durch.',
			'Gespräche auf Deutsch beim Kaffee helfen beim Ankommen in der Nachbarschaft.'
		],
		tags: ['nachhilfe', 'schule', 'sprachen', 'deutsch', 'mathe']
	},
	{
		category: 'garten',
		titles: [
			'Gartenarbeit im Hinterhof',
			'Hecke schneiden',
			'Rasen mähen und Laub harken',
			'Hochbeet bauen',
			'Balkonpflanzen gießen im Urlaub',
			'Obstbäume schneiden',
			'Ableger und Samen aus dem Garten'
		],
		sentences: [
			'Im Garten packe ich gern mit an: Hecke schneiden, Unkraut jäten, Beete umgraben.',
			'Gartengeräte wie Heckenschere und Rasenmäher sind vorhanden.',
			'Aus dem Gemeinschaftsgarten gibt es Ableger von Tomaten, Kräutern und Erdbeeren.',
			'Während eurer Reise gieße ich Pflanzen auf Balkon und Terrasse.'
		],
		tags: ['garten', 'pflanzen', 'hecke', 'balkon']
	},
	{
		category: 'transport',
		titles: [
			'Hilfe beim Umzug',
			'Umzugskartons abzugeben',
			'Transporter für den Umzug',
			'Lastenrad zum Ausleihen',
			'Sperrmüll zum Wertstoffhof bringen',
			'Einkäufe nach Hause bringen',
			'Möbel tragen in den vierten Stock'
		],
		sentences: [
			'Beim Umzug trage ich Kisten und Möbel, auch ohne Aufzug.',
			'Das Lastenrad kann für Einkäufe und kleine Transporte ausgeliehen werden.',
			'Umzugskartons, gut erhalten, stehen im Keller und warten auf den nächsten Umzug.',
			'Mit dem Transporter fahre ich Sperrmüll und Gartenabfälle weg.'
		],
		tags: ['umzug', 'transport', 'lastenrad', 'kartons']
	},
	{
		category: 'haushalt',
		titles: [
			'Küche aufräumen und putzen',
			'Fenster putzen',
			'Wäsche bügeln',
			'Küchenschrank abzugeben',
			'Gemeinsam kochen für die Nachbarschaft',
			'Einkochen und Marmelade machen',
			'Hilfe im Haushalt'
		],
		sentences: [
			'In der Küche helfe ich beim Kochen, Einkochen und Aufräumen.',
			'Fenster, Treppenhaus und Keller putze ich gründlich und zuverlässig.',
			'Der Küchenschrank ist aus Holz, gut erhalten und muss abgeholt werden.',
			'Einmal im Monat kochen wir zusammen und essen im Hof.'
		],
		tags: ['haushalt', 'küche', 'putzen', 'kochen']
	},
	{
		category: 'kinder-familie',
		titles: [
			'Kinderbetreuung am Nachmittag',
			'Babysitter für Abende',
			'Kinderwagen abzugeben',
			'Vorlesen für Kinder',
			'Spielzeug tauschen',
			'Begleitung zur Kita',
			'Kindersachen Größe 98 bis 116'
		],
		sentences: [
			'Ich betreue Kinder nachmittags, gern auch spontan, mit Erfahrung aus der Kita.',
			'Kinderwagen, Laufrad und Spielzeug sind sauber und vollständig.',
			'Zum Vorlesen treffen wir uns in der Stadtteilbibliothek.',
			'Ich bringe Kinder morgens zur Kita oder zur Schule.'
		],
		tags: ['kinder', 'familie', 'betreuung', 'spielzeug']
	},
	{
		category: 'senioren',
		titles: [
			'Begleitung zum Arzt',
			'Spaziergang im Stadtpark',
			'Vorlesen und Gespräche',
			'Einkaufshilfe für ältere Nachbarn',
			'Hilfe mit dem Smartphone für Senioren',
			'Formulare ausfüllen'
		],
		sentences: [
			'Ich begleite zu Arztterminen und Behördengängen und warte auch mit.',
			'Ein Spaziergang im Stadtpark tut gut, gern jede Woche.',
			'Beim Ausfüllen von Formularen und Briefen helfe ich geduldig.',
			'Einkäufe erledige ich mit Liste und bringe alles bis an die Wohnungstür.'
		],
		tags: ['senioren', 'begleitung', 'einkauf', 'gespräch']
	},
	{
		category: 'computer-technik',
		titles: [
			'Laptop einrichten',
			'Smartphone-Hilfe',
			'WLAN-Router einrichten',
			'Drucker installieren',
			'Daten sichern und Fotos ordnen',
			'Computerkurs für Einsteiger',
			'Alter Laptop zu verschenken'
		],
		sentences: [
			'Ich richte Laptop, Drucker und WLAN ein und erkläre alles verständlich.',
			'Fotos vom Smartphone sichern wir gemeinsam auf einer Festplatte.',
			'Viren, langsame Computer und Updates: ich schaue mir das an.',
			'Der Laptop ist älter, läuft aber gut mit Linux.'
		],
		tags: ['computer', 'laptop', 'smartphone', 'technik']
	},
	{
		category: 'handwerk',
		titles: [
			'Regal an die Wand bringen',
			'Lampe anschließen',
			'Wohnung streichen',
			'Möbel aufbauen',
			'Tapezieren und Spachteln',
			'Fliesen verlegen im Bad',
			'Werkzeug zu verleihen'
		],
		sentences: [
			'Bohrmaschine, Dübel und Wasserwaage habe ich, das Regal hängt in einer Stunde.',
			'Beim Streichen der Wohnung helfe ich mit Rolle, Pinsel und Abdeckfolie.',
			'Schränke und Betten aus dem Möbelhaus baue ich schnell und sauber auf.',
			'Werkzeug wie Stichsäge und Akkuschrauber verleihe ich in der Nachbarschaft.'
		],
		tags: ['handwerk', 'werkzeug', 'möbel', 'streichen']
	},
	{
		category: 'kultur-freizeit',
		titles: [
			'Gitarrenunterricht',
			'Klavier spielen lernen',
			'Brettspielabend im Hinterhof',
			'Lauftreff am Stadtpark',
			'Fotografieren lernen',
			'Stricken und Häkeln',
			'Nachbarschaftschor sucht Stimmen'
		],
		sentences: [
			'Gitarre und Klavier unterrichte ich für Anfänger jeden Alters.',
			'Beim Spieleabend bringen alle ein Brettspiel mit.',
			'Wir laufen locker eine Runde durch den Stadtpark, jedes Tempo ist willkommen.',
			'Stricken, Häkeln und Nähen lernen wir gemeinsam bei Tee und Kuchen.'
		],
		tags: ['musik', 'spiele', 'sport', 'kultur']
	},
	{
		category: 'gesundheit-wohlbefinden',
		titles: [
			'Yoga im Park',
			'Rückengymnastik für alle',
			'Laufpartner gesucht',
			'Meditation am Abend',
			'Gemeinsam Rad fahren',
			'Entspannung nach Feierabend'
		],
		sentences: [
			'Yoga und Rückengymnastik machen wir draußen, bei Regen im Gemeindesaal.',
			'Eine Matte reicht, Vorkenntnisse sind nicht nötig.',
			'Zur Meditation treffen wir uns nach Feierabend, ganz ohne Leistungsdruck.',
			'Wer mag, fährt mit dem Fahrrad eine Runde am Kanal entlang.'
		],
		tags: ['yoga', 'gesundheit', 'sport', 'entspannung']
	},
	{
		category: 'sonstiges',
		titles: [
			'Hund ausführen',
			'Katze füttern im Urlaub',
			'Blumen gießen',
			'Pakete annehmen',
			'Schlüssel aufbewahren',
			'Bücher zu verschenken',
			'Fundstück im Treppenhaus'
		],
		sentences: [
			'Ich gehe gern mit Hunden spazieren, morgens oder am Abend.',
			'Im Urlaub füttere ich Katze und Fische und leere den Briefkasten.',
			'Pakete nehme ich tagsüber an, ich arbeite von zu Hause.',
			'Eine Kiste Bücher, Romane und Kinderbücher, steht zum Abholen bereit.'
		],
		tags: ['haustiere', 'nachbarschaft', 'urlaub', 'bücher']
	}
];

const GENERAL_SENTENCES = [
	'Ich wohne seit Jahren im Viertel und helfe gern in der Nachbarschaft.',
	'Am Wochenende habe ich meistens Zeit, unter der Woche abends.',
	'Meldet euch einfach über die Nachricht hier, ich antworte schnell.',
	'Treffpunkt ist der Hinterhof, der Eingang liegt neben dem Bäcker an der Straße.',
	'Bezahlung gern in Stunden aus dem Zeitkonto.',
	'Kaffee und Kekse gibt es dazu.',
	'Auch kurzfristig möglich, wenn es brennt.',
	'Bitte bringt etwas Geduld mit, ich mache das nicht beruflich.',
	'Das Angebot gilt für die ganze Straße und die Nachbarhäuser.',
	'Zu zweit geht es schneller und macht mehr Spaß.'
];

const AVAILABILITY = [
	'nach Absprache',
	'Samstags vormittags',
	'werktags ab 18 Uhr',
	'am Wochenende',
	'flexibel',
	'Dienstag und Donnerstag nachmittags'
];

const TITLE_ENDINGS = [
	'',
	'',
	'',
	' am Wochenende',
	' nach Feierabend',
	' für Nachbarn',
	' – kurzfristig',
	' in der Nachbarschaft'
];

export interface Author {
	id: string;
	business: boolean;
}

export interface GenerateOptions {
	quarterId: string;
	blocks: Block[];
	authors: Author[];
	expiryDays: number;
	now: Date;
}

const DAY = 24 * 60 * 60 * 1000;

/** Mostly published; a few in every other state the search must leave out. */
function stateFor(r: number): ListingState {
	if (r < 0.88) return 'published';
	if (r < 0.92) return 'paused';
	if (r < 0.95) return 'pending';
	if (r < 0.97) return 'draft';
	if (r < 0.99) return 'expired';
	return 'closed';
}

/**
 * One generated listing. Shown listings expire at least ten days from now, so the app's expiry
 * job (20 s after start) neither expires nor reminds during the run.
 */
export function generateListing(
	rand: () => number,
	id: string,
	o: GenerateOptions
): { listing: Listing; by: string } {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
	const topic = pick(TOPICS);
	const author = pick(o.authors);
	const kind: ListingKind = rand() < 0.7 ? 'offer' : 'request';
	const block = rand() < 0.9 ? pick(o.blocks) : null;
	const ending = rand() < 0.15 && block ? ` (${block.name})` : pick(TITLE_ENDINGS);
	const title = `${kind === 'request' ? pick(['Suche: ', 'Gesucht: ', 'Wer hilft? ']) : ''}${pick(topic.titles)}${ending}`;

	const sentences = [pick(topic.sentences), pick(GENERAL_SENTENCES)];
	if (rand() < 0.5) sentences.push(pick(topic.sentences));
	if (block && rand() < 0.4) sentences.push(`Ich wohne in der Nähe: ${block.name}.`);
	let description = sentences.join(' ');
	if (rand() < 0.25) description = `**${pick(topic.titles)}**\n\n${description}`;
	if (rand() < 0.2) {
		description += `\n\n- ${pick(topic.titles)}\n- ${pick(topic.titles)}\n- ${pick(AVAILABILITY)}`;
	}

	const settlement: ListingSettlement = pick(['hours', 'hours', 'either', 'euros', 'free']);
	const priced = settlement === 'euros' || settlement === 'either';
	const state = stateFor(rand());
	const shown = state === 'published' || state === 'paused';
	const ageDays =
		state === 'expired' ? o.expiryDays + 1 + rand() * 30 : rand() * (o.expiryDays - 10);
	const createdAt = new Date(o.now.getTime() - ageDays * DAY);
	const tags = [...new Set([pick(topic.tags), pick(topic.tags)])].slice(
		0,
		1 + Math.floor(rand() * 2)
	);
	return {
		by: author.id,
		listing: {
			id,
			quarterId: o.quarterId,
			authorId: author.id,
			commercial: author.business,
			kind,
			title,
			description,
			category: topic.category,
			tags,
			settlement,
			priceCents: priced ? (5 + Math.floor(rand() * 60)) * 100 : null,
			priceUnit: priced ? pick(['hour', 'job'] as const) : null,
			availability: pick(AVAILABILITY),
			blockId: block?.id ?? null,
			photoId: null,
			state,
			needsReview: state === 'pending',
			moderation: null,
			createdAt,
			updatedAt: createdAt,
			publishedAt: shown || state === 'expired' ? createdAt : null,
			expiresAt:
				shown || state === 'expired' ? new Date(createdAt.getTime() + o.expiryDays * DAY) : null,
			revision: 1
		}
	};
}

/**
 * Runs in a child process that benchSearch() starts: the app's modules read MONGODB_URI once,
 * when first imported, and `npm run bench` has imported them already for another server.
 */
async function seedInThisProcess(count: number): Promise<void> {
	const { seed } = await import('../scripts/seed');
	const { closeDb } = await import('../src/lib/server/db');
	const { newId } = await import('../src/lib/server/ids');
	const { findQuarter } = await import('../src/lib/server/repos/quarters');
	const { listMembershipsOfQuarter } = await import('../src/lib/server/repos/memberships');
	const { listingBook } = await import('../src/lib/server/services/listing-book');
	const { listingPolicy, searchFields } = await import('../src/lib/server/services/listings');
	try {
		let t = performance.now();
		await seed(() => {});
		console.log(`  demo seed (people, quarters, ~150 listings): ${seconds(t)}`);

		const now = new Date();
		const rand = seededRandom(20_240_601);
		// Nine in ten in the demo quarter, the rest in the small second quarter.
		const shares = [
			{ id: 'nordstadt', count: Math.round(count * 0.9) },
			{ id: 'lindenhof', count: count - Math.round(count * 0.9) }
		];
		for (const share of shares) {
			const quarter = await findQuarter(share.id);
			if (!quarter) throw new Error(`The demo seed did not create the quarter ${share.id}.`);
			const members = (await listMembershipsOfQuarter(quarter.id)).filter(
				(m) => m.state === 'active'
			);
			const options: GenerateOptions = {
				quarterId: quarter.id,
				blocks: quarter.blocks,
				authors: members.map((m) => ({ id: m.userId, business: m.role === 'business' })),
				expiryDays: listingPolicy(quarter).expiryDays,
				now
			};
			t = performance.now();
			const CHUNK = 5000;
			for (let done = 0; done < share.count;) {
				const n = Math.min(CHUNK, share.count - done);
				const items = Array.from({ length: n }, () => {
					const { listing, by } = generateListing(rand, newId(), options);
					return { listing, by, search: searchFields(listing, quarter) };
				});
				await listingBook.importNew(items, now);
				done += n;
				const rate = done / ((performance.now() - t) / 1000);
				console.log(
					`  ${quarter.id}: ${done.toLocaleString('en')}/${share.count.toLocaleString('en')} listings (${rate.toFixed(0)}/s)`
				);
			}
		}
		console.log(`  change log head: ${await listingBook.head()}`);
	} finally {
		await closeDb();
	}
}

export function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[path.join(root, 'node_modules/tsx/dist/cli.mjs'), ...args],
			{ cwd: root, env, stdio: 'inherit' }
		);
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

// ---------------------------------------------------------------------------------------------
// Load against the built app.

/** What the browse page is asked, signed out and signed in: folded spellings, a prefix, stems,
 * filters, sorts and later pages, in both quarters. */
export const SEARCH_PATHS: string[] = [
	'/q/nordstadt?q=fahrrad',
	'/q/nordstadt?q=strasse',
	'/q/nordstadt?q=Stra%C3%9Fe&sort=newest',
	'/q/nordstadt?q=nachhil',
	'/q/nordstadt?q=nachhilfe&category=nachhilfe-sprachen',
	'/q/nordstadt?q=umzug&kind=request',
	'/q/nordstadt?q=umzug&page=2',
	'/q/nordstadt?q=garten&settlement=hours',
	'/q/nordstadt?q=K%C3%BCche',
	'/q/nordstadt?q=kueche&page=3',
	'/q/nordstadt?q=fahrrad+reparatur',
	'/q/nordstadt?q=hecke+schneiden&category=garten',
	'/q/nordstadt?q=laptop&kind=offer',
	'/q/nordstadt?q=yoga&settlement=free',
	'/q/nordstadt?q=hund',
	'/q/nordstadt?q=werkzeug&sort=newest&page=2',
	'/q/nordstadt?q=kinder&category=kinder-familie&kind=offer',
	'/q/nordstadt?q=reparatur&settlement=euros&sort=newest',
	'/q/nordstadt?q=wohnung+streichen',
	'/q/nordstadt?q=Fahrr%C3%A4der',
	'/q/nordstadt?q=wochenende&page=3',
	'/q/nordstadt?q=hahnenstra',
	'/q/nordstadt',
	'/q/nordstadt?category=reparatur',
	'/q/nordstadt?kind=request&page=2',
	'/q/nordstadt?settlement=euros&sort=newest&page=3',
	'/q/nordstadt?category=garten&kind=offer&settlement=hours',
	'/q/nordstadt?provider=business',
	'/q/nordstadt?near=hahnenstrasse&distance=500&sort=nearest',
	'/q/lindenhof?q=fahrrad',
	'/q/lindenhof?category=haushalt',
	'/q/lindenhof?q=garten&page=2'
];

export interface Row {
	route: string;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	requests: number;
	errors: number;
	non2xx: number;
}

export function load(
	base: string,
	route: string,
	paths: string[],
	headers: Record<string, string>,
	connections: number,
	duration: number
): Promise<Row> {
	const latencies: number[] = [];
	let clients = 0;
	const requestsFrom = (shift: number) =>
		[...paths.slice(shift), ...paths.slice(0, shift)].map((p) => ({
			method: 'GET' as const,
			path: p,
			headers
		}));
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: base,
				connections,
				duration,
				headers,
				requests: requestsFrom(0),
				// Each connection starts elsewhere in the list, so the mix is even from the first second.
				setupClient: (client) => client.setRequests(requestsFrom(clients++ % paths.length))
			},
			(err, result) => {
				if (err) return reject(err);
				latencies.sort((a, b) => a - b);
				resolve({
					route,
					requestsPerSecond: latencies.length / result.duration,
					p50: percentile(latencies, 50),
					p95: percentile(latencies, 95),
					p99: percentile(latencies, 99),
					max: latencies.at(-1) ?? 0,
					requests: latencies.length,
					errors: result.errors,
					non2xx: result.non2xx
				});
			}
		);
		// autocannon's histogram has no 95th percentile: keep every latency instead.
		instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
	});
}

/** The `node build/index.js` that serve() started for us (serve() does not hand out its pid). */
export function appPid(): number | null {
	try {
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			try {
				const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
				const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				if (ppid !== process.pid) continue;
				if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('build/index.js')) {
					return Number(entry);
				}
			} catch {
				// The process ended while we looked.
			}
		}
	} catch {
		// No /proc (not Linux): memory is not reported.
	}
	return null;
}

export function rssMiB(pid: number | null): number | null {
	if (pid === null) return null;
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

export async function waitUntilAnswering(url: string, exited: Promise<number>, timeoutMs: number) {
	let exitCode: number | null = null;
	void exited.then((code) => (exitCode = code));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exitCode !== null) throw new Error(`The app exited (code ${exitCode}) before answering.`);
		try {
			const res = await fetch(url);
			await res.arrayBuffer();
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s.`);
}

async function timedGet(url: string, headers: Record<string, string> = {}) {
	const t = performance.now();
	const res = await fetch(url, { headers, redirect: 'manual' });
	const body = await res.text();
	const elapsed = performance.now() - t;
	// The result count in the page's heading ("{count} Einträge").
	const hits = /id="results-heading"[^>]*>(?:\s|<!--[^>]*-->)*(\d+)/.exec(body)?.[1];
	return { status: res.status, hits: hits === undefined ? null : Number(hits), ms: elapsed };
}

/** Signs in through the login form as a browser would, and returns the session cookie. */
async function logIn(base: string, origin: string): Promise<string> {
	const { DEMO_PASSWORD } = await import('../scripts/seed');
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		// A browser's form post: without `accept: text/html` SvelteKit answers as to use:enhance.
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: MEMBER_EMAIL, password: DEMO_PASSWORD }).toString(),
		redirect: 'manual'
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0] ?? '')
		.find((c) => c.startsWith('qm_session=') && c.length > 'qm_session='.length);
	if (res.status !== 303 || !cookie) {
		throw new Error(`logging in as ${MEMBER_EMAIL} answered ${res.status} without a session`);
	}
	return cookie;
}

/**
 * A preload for the app that profiles it from the start and, on each SIGUSR2, writes what it
 * has and starts again: one file per stretch of the bench. (`--cpu-prof` is refused in
 * NODE_OPTIONS, and serve() takes no node flags.)
 */
export function profilerPreload(dataDir: string, profileDir: string): string {
	mkdirSync(profileDir, { recursive: true });
	const file = path.join(dataDir, 'cpu-profile.cjs');
	writeFileSync(
		file,
		`const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
let n = 0;
process.on('SIGUSR2', () => {
	session.post('Profiler.stop', (err, result) => {
		if (!err) writeFileSync(${JSON.stringify(profileDir)} + '/app-' + ++n + '.cpuprofile', JSON.stringify(result.profile));
		session.post('Profiler.start');
	});
});
`
	);
	return file;
}

/** serve()'s stop, with a deadline: a server that hangs on SIGTERM must not hang the bench. */
async function stopApp(app: { stop: () => Promise<void> }, pid: number | null): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stopped = await Promise.race([
		app.stop().then(() => true),
		new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 15_000)))
	]);
	clearTimeout(timer);
	if (stopped) return;
	console.log(`  the app did not exit within 15 s of SIGTERM: killing it (pid ${pid ?? '?'})`);
	if (pid !== null) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

export async function ensureBuilt(): Promise<void> {
	if (existsSync(path.join(root, 'build/index.js'))) return;
	console.log('  build/index.js is missing: running `npm run build` …');
	const t = performance.now();
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const code = await new Promise<number>((resolve, reject) => {
		const child = spawn(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (c) => resolve(c ?? 1));
	});
	// The build's last step checks translations; a failure there still leaves a runnable app.
	if (!existsSync(path.join(root, 'build/index.js'))) {
		throw new Error(
			'`npm run build` did not produce build/index.js: run `npm run build` and fix it first.'
		);
	}
	console.log(
		`  built in ${seconds(t)}${code === 0 ? '' : ` (npm run build exited with ${code}, see above)`}`
	);
}

export interface SearchFigures {
	listings: number;
	seedSeconds: number;
	coldStartMs: number;
	rows: Row[];
	rssMiB: { started: number | null; loaded: number | null; after: number | null };
}

export async function benchSearch(
	options: { listings?: number; seconds?: number; connections?: number } = {}
): Promise<SearchFigures> {
	const listings = options.listings ?? Number(process.env.BENCH_SEARCH_LISTINGS ?? 50_000);
	const duration = options.seconds ?? Number(process.env.BENCH_SEARCH_SECONDS ?? 10);
	const connections = options.connections ?? 50;
	console.log(
		`\n▸ Search on the built app: demo seed + ${listings.toLocaleString('en')} listings, ${connections} connections, ${duration} s per route`
	);
	await ensureBuilt();

	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-bench-search-'));
	let database: EmbeddedServer | null = null;
	let app: { url: string; done: Promise<number>; stop: () => Promise<void> } | null = null;
	let pid: number | null = null;
	try {
		database = await startEmbeddedFerretDB({ dataDir });
		// Set explicitly: `npm run bench` points both at its other servers before this part.
		const dbEnv = { MONGODB_URI: database.uri, MONGODB_DB: 'quartiermarkt', DATA_DIR: dataDir };

		const seedStart = performance.now();
		const code = await runChild([path.join(root, 'bench/search.ts'), SEED_FLAG, String(listings)], {
			...process.env,
			...dbEnv
		});
		if (code !== 0) throw new Error(`seeding failed (exit code ${code}), see above`);
		const seedSeconds = (performance.now() - seedStart) / 1000;
		console.log(`  seeded in ${seedSeconds.toFixed(1)} s`);

		const port = await findFreePort();
		const profileDir = process.env.BENCH_SEARCH_CPU_PROF;
		const previousUri = process.env.MONGODB_URI;
		process.env.MONGODB_URI = database.uri; // serve() starts no database of its own then
		try {
			app = await serve({
				dataDir,
				port,
				seed: false,
				quiet: true,
				env: {
					...dbEnv,
					// The built app as in production; 'test' because production refuses an http ORIGIN
					// and a missing SMTP_URL (src/lib/server/config.js), which a local bench has.
					NODE_ENV: 'test',
					...(profileDir
						? {
								NODE_OPTIONS: `--require ${profilerPreload(dataDir, path.resolve(profileDir))}`
							}
						: {})
				}
			});
		} finally {
			if (previousUri === undefined) delete process.env.MONGODB_URI;
			else process.env.MONGODB_URI = previousUri;
		}
		const base = `http://127.0.0.1:${port}`;
		const spawned = performance.now();
		await waitUntilAnswering(`${base}/login`, app.done, 60_000);
		pid = appPid();
		const rss = {
			started: rssMiB(pid),
			loaded: null as number | null,
			after: null as number | null
		};
		console.log(`  app answers after ${ms(performance.now() - spawned)} (pid ${pid ?? '?'})`);

		const cold = await timedGet(`${base}/q/nordstadt?q=fahrrad`);
		if (cold.status !== 200) throw new Error(`the first search answered ${cold.status}`);
		rss.loaded = rssMiB(pid);
		console.log(
			`  cold start: first search after start ${ms(cold.ms)} (loads every listing and builds the index; ${cold.hits ?? '?'} hits for "fahrrad")`
		);

		// Every URL a few times in a row: checks that all answer 200 and shows which are dear.
		const sequential: { path: string; median: number; hits: number | null }[] = [];
		let slowest = 0;
		for (const p of SEARCH_PATHS) {
			const times: number[] = [];
			let hits: number | null = null;
			for (let i = 0; i < 5; i++) {
				const r = await timedGet(base + p);
				if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
				times.push(r.ms);
				slowest = Math.max(slowest, r.ms);
				hits = r.hits;
			}
			sequential.push({
				path: p,
				hits,
				median: percentile(
					times.sort((a, b) => a - b),
					50
				)
			});
		}
		sequential.sort((a, b) => b.median - a.median);
		const medians = sequential.map((s) => s.median).sort((a, b) => a - b);
		console.log(
			`  warm-up, ${SEARCH_PATHS.length} search URLs × 5 one at a time: median ${ms(percentile(medians, 50))}, slowest single request ${ms(slowest)}; dearest by median: ` +
				sequential
					.slice(0, 3)
					.map((s) => `${s.path} ${ms(s.median)} (${s.hits ?? '?'} hits)`)
					.join(', ')
		);

		let cookie: string | null = null;
		try {
			cookie = await logIn(base, app.url);
		} catch (err) {
			console.log(`  signed-in round skipped: ${(err as Error).message}`);
		}

		const profiles: string[] = [];
		const cutProfile = (label: string) => {
			if (!profileDir || pid === null) return;
			process.kill(pid, 'SIGUSR2');
			profiles.push(
				`${path.resolve(profileDir, `app-${profiles.length + 1}.cpuprofile`)}: ${label}`
			);
		};
		cutProfile('start, cold start and warm-up');

		const rows: Row[] = [];
		const runs: { route: string; paths: string[]; headers: Record<string, string> }[] = [
			{ route: 'GET /favicon.svg (static file)', paths: ['/favicon.svg'], headers: {} },
			{ route: 'GET /login (page, no database)', paths: ['/login'], headers: {} },
			{
				route: `search, signed out (${SEARCH_PATHS.length} URLs)`,
				paths: SEARCH_PATHS,
				headers: {}
			},
			...(cookie
				? [
						{
							route: `search, signed in (${SEARCH_PATHS.length} URLs)`,
							paths: SEARCH_PATHS,
							headers: { cookie }
						}
					]
				: [])
		];
		for (const run of runs) {
			const row = await load(base, run.route, run.paths, run.headers, connections, duration);
			rows.push(row);
			// autocannon drops its connections when its time is up, but the app still works through
			// what they sent: give it as long as the slowest answer took, so that no run inherits the
			// previous one's backlog and the app is not stopped mid-request.
			const backlog = Math.min(60_000, row.max);
			await new Promise((r) => setTimeout(r, backlog));
			console.log(
				`  ${run.route}: ${row.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(row.p50)}, p95 ${ms(row.p95)}, max ${ms(row.max)}`
			);
			cutProfile(run.route);
		}
		rss.after = rssMiB(pid);
		for (const line of profiles) console.log(`  CPU profile ${line}`);

		const header = ['route', 'requests/s', 'p50', 'p95', 'p99', 'errors/non-2xx'];
		const table = rows.map((r) => [
			r.route,
			r.requestsPerSecond.toFixed(0),
			ms(r.p50),
			ms(r.p95),
			ms(r.p99),
			`${r.errors}/${r.non2xx} of ${r.requests}`
		]);
		const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
		const line = (cells: string[]) =>
			'  ' +
			cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
		console.log('');
		console.log(line(header));
		console.log('  ' + widths.map((w) => '-'.repeat(w)).join('-|-'));
		for (const row of table) console.log(line(row));
		const mib = (x: number | null) => (x === null ? '?' : `${x.toFixed(0)} MiB`);
		console.log(
			`  app memory (VmRSS): ${mib(rss.started)} at start, ${mib(rss.loaded)} after loading the listings, ${mib(rss.after)} after the runs`
		);

		const [file, page, search] = rows as [Row, Row, Row];
		const figures = (r: Row) =>
			`${r.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`;
		console.log(
			`\n✔ Search bench (${listings.toLocaleString('en')} listings, ${connections} connections): ` +
				`search ${figures(search)} vs /login ${figures(page)} and a static file ${figures(file)}; ` +
				`cold start ${ms(cold.ms)}, seeding ${seedSeconds.toFixed(1)} s.`
		);
		return { listings, seedSeconds, coldStartMs: cold.ms, rows, rssMiB: rss };
	} finally {
		if (app) await stopApp(app, pid);
		await database?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

const entry = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : '';
if (import.meta.url === entry) {
	const seedAt = process.argv.indexOf(SEED_FLAG);
	try {
		if (seedAt >= 0) await seedInThisProcess(Number(process.argv[seedAt + 1]));
		else await benchSearch();
	} catch (err) {
		console.error(`\n✖ Search bench failed: ${(err as Error).message}`);
		process.exitCode = 1;
	}
}
