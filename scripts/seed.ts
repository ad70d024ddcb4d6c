// Builds the German demo quarter "Nordstadt" (and a small second quarter) and prints the demo
// logins. Safe to run again: what exists is left as it is.
import { SYSTEM } from '../src/lib/domain/listings/listing';
import { DEFAULT_TIME_ZONE } from '../src/lib/domain/time/zone';
import { normalizeEmail } from '../src/lib/domain/auth/text';
import type { MembershipState, Role } from '../src/lib/domain/members/roles';
import { hashPassword } from '../src/lib/server/auth/password';
import { closeDb } from '../src/lib/server/db';
import { newId } from '../src/lib/server/ids';
import { findMembership, insertMembership } from '../src/lib/server/repos/memberships';
import { findQuarter } from '../src/lib/server/repos/quarters';
import { appointManager } from '../src/lib/server/services/admin';
import { acceptRules, requiredRules } from '../src/lib/server/services/legal';
import { saveTraderIdentity } from '../src/lib/server/services/trader';
import { createPlatformAdmin } from '../src/lib/server/services/platform';
import { createQuarter } from '../src/lib/server/services/quarters';
import { findUserWithPasswordByEmail, insertUser } from '../src/lib/server/repos/users';
import { BUSINESSES, MANAGERS, QUARTERS, RESIDENTS } from './seed-data/nordstadt';
import { seedCases } from './seed-cases';
import { seedDac7 } from './seed-dac7';
import { HISTORY_JOINED_DAYS_AGO } from './seed-data/exchanges';
import { seedAssisted } from './seed-assisted';
import { seedBudget } from './seed-budget';
import { seedEvents } from './seed-events';
import { seedLetters } from './seed-letters';
import { seedExchanges } from './seed-exchanges';
import { seedMarketplace } from './seed-marketplace';
import { seedTrade } from './seed-trade';
import { seedParticipation } from './seed-participation';
import { seedTrust } from './seed-trust';

export const DEMO_PASSWORD = 'nordstadt-demo';
/** The platform administrator of the demo (/admin), with the demo password. */
const PLATFORM_ADMIN = 'admin@quartiermarkt.example';

interface Person {
	email: string;
	displayName: string;
	role: Role;
	quarterId: string;
	state: MembershipState;
	/** Days before today that the person joined, so the demo quarter has a history. */
	joinedDaysAgo: number;
	/** What a pending applicant wrote to the quarter management. */
	application?: string;
}

/** The last residents have just applied: the quarter management sees pending applications. */
const PENDING_RESIDENTS = 3;

/** What the pending applicants wrote to the quarter management at sign-up, by e-mail local part. */
const APPLICATIONS: Record<string, string> = {
	'giorgos.papadopoulos':
		'Hallo! Ich bin Giorgos, 52, und wohne seit dem Sommer in der Schillerstraße. Ich war ' +
		'zwanzig Jahre Elektriker und bin jetzt in Frührente. Ich kann bei kleinen Reparaturen ' +
		'helfen (Lampen, Steckdosen, Fahrräder) und würde gern Leute im Viertel kennenlernen.\n\n' +
		'Mein Deutsch ist gut, Griechisch kann ich auch, falls jemand Übersetzung braucht.',
	'helga.winkler':
		'Guten Tag, ich bin Helga Winkler, 74 Jahre, und wohne seit über 40 Jahren in der ' +
		'Nordstadt. Meine Tochter hat mir das Konto eingerichtet. Ich backe gern und kann ' +
		'Kindern bei den Hausaufgaben helfen. Im Gegenzug bräuchte ich manchmal Hilfe beim ' +
		'Einkaufen, seit ich nicht mehr so gut laufen kann.',
	'leon.baumann':
		'Hi, ich bin Leon, studiere Soziale Arbeit an der Hochschule und bin gerade in eine WG ' +
		'am Marktplatz gezogen. Ich kann beim Umzug tragen, Laptops einrichten und Nachhilfe in ' +
		'Mathe geben.'
};

function people(): Person[] {
	const list: Person[] = [];
	const base = { quarterId: 'nordstadt', state: 'active' as MembershipState };
	for (const [first, last, local] of MANAGERS) {
		list.push({
			...base,
			email: `${local}@nordstadt.example`,
			displayName: `${first} ${last}`,
			role: 'moderator',
			joinedDaysAgo: 400
		});
	}
	// The smaller quarter has its own quarter management.
	list.push({
		...base,
		quarterId: 'lindenhof',
		email: 'petra.lindner@lindenhof.example',
		displayName: 'Petra Lindner',
		role: 'moderator',
		joinedDaysAgo: 200
	});
	list.push({
		...base,
		email: PLATFORM_ADMIN,
		displayName: 'Plattform-Admin',
		role: 'admin',
		joinedDaysAgo: 400
	});
	for (const [i, [name, local]] of BUSINESSES.entries()) {
		list.push({
			...base,
			email: `${local}@nordstadt.example`,
			displayName: name,
			role: 'business',
			joinedDaysAgo: 360 - i * 40
		});
	}
	for (const [i, [first, last]] of RESIDENTS.entries()) {
		const pending = i >= RESIDENTS.length - PENDING_RESIDENTS;
		const local = `${first}.${last}`
			.normalize('NFKD')
			.replace(/ı/g, 'i')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z.-]/g, '');
		list.push({
			...base,
			email: `${local}@nordstadt.example`,
			displayName: `${first} ${last[0]}.`,
			role: 'resident',
			state: pending ? 'pending' : 'active',
			joinedDaysAgo: pending ? 1 + (i % 3) : 365 - ((i * 37) % 360),
			application: pending ? APPLICATIONS[local] : undefined
		});
	}
	// The history's people joined over the past year (scripts/seed-data/exchanges.ts).
	return list.map((p) => ({
		...p,
		joinedDaysAgo: HISTORY_JOINED_DAYS_AGO[p.email] ?? p.joinedDaysAgo
	}));
}

/** A made-up but complete trader identity (Art. 30 DSA) for a demo business. */
function demoTraderIdentity(person: Person, i: number) {
	return {
		legalName: `${person.displayName} (Demo)`,
		address: `Schillerstraße ${10 + i}\n30161 Hannover`,
		email: person.email,
		phone: `0511 555 ${String(100 + i).padStart(4, '0')}`,
		registerNumber: i % 2 === 0 ? `HRA ${20000 + i}, Amtsgericht Hannover` : '',
		lawfulConfirmed: true
	};
}

export async function seed(
	log: (line: string) => void = console.log
): Promise<{ created: number; existing: number }> {
	const now = new Date();
	for (const q of QUARTERS) {
		if (await findQuarter(q.id)) continue;
		// Through the admin area's services, as an operator would (audited as the system).
		const result = await createQuarter(
			{
				slug: q.id,
				name: q.name,
				city: q.city,
				description: q.description,
				timeZone: DEFAULT_TIME_ZONE,
				settings: {
					memberApproval: q.memberApproval,
					listingPreModeration: q.listingPreModeration
				}
			},
			SYSTEM,
			now
		);
		if (!result.ok)
			throw new Error(`Quarter ${q.id} could not be created: ${JSON.stringify(result.errors)}`);
		log(`  quarter ${q.name} created`);
	}

	const all = people();
	let created = 0;
	let existing = 0;
	for (const [i, person] of all.entries()) {
		const joined = new Date(now.getTime() - person.joinedDaysAgo * 24 * 60 * 60 * 1000);
		const email = normalizeEmail(person.email);
		let user = await findUserWithPasswordByEmail(email);
		if (user) existing++;
		else {
			const passwordHash = await hashPassword(DEMO_PASSWORD);
			user = {
				...(await insertUser(
					{ id: newId(), email, displayName: person.displayName, locale: 'de', passwordHash },
					joined,
					true
				)),
				passwordHash
			};
			created++;
		}
		if (!(await findMembership(person.quarterId, user.id))) {
			// A quarter manager joins as a member and is then appointed by the platform's service.
			const manager = person.role === 'moderator';
			await insertMembership(
				{
					quarterId: person.quarterId,
					userId: user.id,
					role: manager ? 'resident' : person.role,
					state: person.state,
					application: person.application ? { text: person.application, at: joined } : null
				},
				joined
			);
			if (manager) {
				const appointed = await appointManager({ quarterId: person.quarterId, email }, SYSTEM, now);
				if (!appointed.ok) throw new Error(`Appointing ${email} failed: ${appointed.problem}`);
			}
		}
		// Demo members accepted the current rules when they joined (the demo must not ask them
		// at once), and demo businesses gave their trader identity before their offers.
		await acceptRules(user.id, await requiredRules(), 'seed', joined);
		if (person.role === 'business') {
			await saveTraderIdentity(user.id, demoTraderIdentity(person, i), joined);
		}
		if ((i + 1) % 10 === 0 || i + 1 === all.length) log(`  people ${i + 1}/${all.length}`);
	}
	// The demo's platform administrator (also an admin member of Nordstadt): /admin.
	await createPlatformAdmin(
		{
			email: normalizeEmail(PLATFORM_ADMIN),
			displayName: 'Plattform-Admin',
			password: DEMO_PASSWORD
		},
		SYSTEM,
		now
	);
	await seedMarketplace(log);
	await seedExchanges(log, now);
	await seedCases(log, now);
	await seedAssisted(log, now);
	await seedBudget(log, now);
	await seedTrust(log, now);
	await seedDac7(log, now);
	await seedTrade(DEMO_PASSWORD, log, now);
	await seedParticipation(log, now);
	await seedEvents(log, now);
	await seedLetters(log, now);
	return { created, existing };
}

function printLogins(): void {
	const all = people();
	const show = (role: Role, n: number) => all.filter((p) => p.role === role).slice(0, n);
	console.log('\nDemo logins (password for all: ' + DEMO_PASSWORD + '):');
	for (const p of [
		...show('moderator', 2),
		...show('admin', 1),
		...show('business', 2),
		...show('resident', 3)
	]) {
		console.log(`  ${p.role.padEnd(9)}  ${p.email.padEnd(40)} ${p.displayName}`);
	}
	const pending = all.filter((p) => p.state === 'pending');
	console.log(
		`  … and ${all.length - 8} more @nordstadt.example accounts; ${pending.length} have just ` +
			`applied and wait for approval (e.g. ${pending[0]?.email}).`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const started = Date.now();
	console.log('Seeding the demo data …');
	try {
		const { created, existing } = await seed();
		printLogins();
		console.log(
			`\nSeed done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${created} people created, ${existing} already there.`
		);
	} catch (err) {
		console.error(`Seeding failed: ${(err as Error).message}`);
		process.exitCode = 1;
	} finally {
		await closeDb();
	}
}
