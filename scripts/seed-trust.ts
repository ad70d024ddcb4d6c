// Demo data of trust and safety (issue 16 items 1-4, docs/trust-and-tax.md), through the real
// services with past dates:
// - Johanna Weber, a vetted babysitter in Nordstadt: her offer "Babysitting am Abend" waited until
//   Sabine Albrecht recorded the Führungszeugnis she saw (no copy), then Murat Kaya approved it.
//   She confirmed a private liability insurance; her profile shows both badges.
// - Horst Berger offers to put in sockets and connect lamps for euros: work at the mains needs a
//   registered electrical business, and Nordstadt takes such offers from businesses only, so the
//   submit is refused; the offer stays his draft, and the form names the rule.
// - Lindenhof admits 14-17-year-olds with a parent's consent; Lina Hoffmann (16) signed up with
//   her year of birth, Petra Lindner recorded her mother's consent and approved her. She offers
//   to walk dogs for hours; an offer for euros is refused.
//
// A second run finds Johanna and adds nothing.
import { normalizeEmail } from '../src/lib/domain/auth/text';
import type { ListingContent } from '../src/lib/domain/listings/listing';
import { dayOf } from '../src/lib/domain/time/zone';
import { hashPassword } from '../src/lib/server/auth/password';
import { newId } from '../src/lib/server/ids';
import { findMembership, insertMembership } from '../src/lib/server/repos/memberships';
import { findQuarter, type Quarter } from '../src/lib/server/repos/quarters';
import { findUserWithPasswordByEmail, insertUser } from '../src/lib/server/repos/users';
import { approveApplication } from '../src/lib/server/services/approval';
import { acceptRules, requiredRules } from '../src/lib/server/services/legal';
import { changeListing, createListing } from '../src/lib/server/services/listings';
import {
	recordMinorConsent,
	recordVetting,
	saveAge,
	saveTrustSettings,
	setInsurance
} from '../src/lib/server/services/trust';
import type { MembershipState } from '../src/lib/domain/members/roles';

const DAY = 24 * 60 * 60 * 1000;
const ORIGIN = process.env.ORIGIN ?? 'http://localhost:3000';
const PASSWORD = 'nordstadt-demo';

export const TRUST_DEMO = {
	babysitter: 'johanna.weber@nordstadt.example',
	electrician: 'horst.berger@nordstadt.example',
	minor: 'lina.hoffmann@lindenhof.example'
};

async function quarter(id: string): Promise<Quarter> {
	const q = await findQuarter(id);
	if (!q) throw new Error(`quarter ${id} is missing`);
	return q;
}

async function idOf(email: string): Promise<string> {
	const user = await findUserWithPasswordByEmail(normalizeEmail(email));
	if (!user) throw new Error(`Seed data names ${email}, who does not exist.`);
	return user.id;
}

/** A demo person with the demo password, their year of birth and a membership. */
async function person(
	p: { email: string; name: string; quarterId: string; birthYear: number; state: MembershipState },
	at: Date
): Promise<string> {
	const email = normalizeEmail(p.email);
	const user = await insertUser(
		{
			id: newId(),
			email,
			displayName: p.name,
			locale: 'de',
			passwordHash: await hashPassword(PASSWORD)
		},
		at,
		true
	);
	await saveAge(user.id, { birthYear: p.birthYear, adultConfirmed: false }, at);
	await acceptRules(user.id, await requiredRules(), 'seed', at);
	if (!(await findMembership(p.quarterId, user.id))) {
		await insertMembership(
			{
				quarterId: p.quarterId,
				userId: user.id,
				role: 'resident',
				state: p.state,
				application: null
			},
			at
		);
	}
	return user.id;
}

function offer(over: Partial<ListingContent>): ListingContent {
	return {
		kind: 'offer',
		title: '',
		description: '',
		category: 'haushalt',
		tags: [],
		settlement: 'hours',
		priceCents: null,
		priceUnit: null,
		availability: '',
		blockId: null,
		photoId: null,
		...over
	};
}

export async function seedTrust(
	log: (line: string) => void = console.log,
	now = new Date()
): Promise<{ created: boolean }> {
	if (await findUserWithPasswordByEmail(normalizeEmail(TRUST_DEMO.babysitter))) {
		log('  trust demo already there');
		return { created: false };
	}
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
	const year = now.getUTCFullYear();
	const nordstadt = await quarter('nordstadt');
	const sabine = await idOf('sabine.albrecht@nordstadt.example');
	const murat = await idOf('murat.kaya@nordstadt.example');

	// The vetted babysitter.
	const johanna = await person(
		{
			email: TRUST_DEMO.babysitter,
			name: 'Johanna W.',
			quarterId: nordstadt.id,
			birthYear: 1994,
			state: 'active'
		},
		at(40)
	);
	await setInsurance(johanna, true, at(39));
	const membership = await findMembership(nordstadt.id, johanna);
	const created = await createListing({
		quarter: nordstadt,
		userId: johanna,
		membership,
		content: offer({
			title: 'Babysitting am Abend',
			description:
				'Ich bin Erzieherin und passe abends gern auf eure Kinder auf, auch mal am Wochenende.',
			category: 'kinder-familie',
			tags: ['babysitting', 'abends']
		}),
		submit: true,
		now: at(20)
	});
	if (!created.ok) throw new Error(`babysitting offer: ${created.problem}`);
	const waiting = await changeListing({
		quarter: nordstadt,
		listingId: created.listing.id,
		userId: murat,
		membership: await findMembership(nordstadt.id, murat),
		move: { move: 'approve' },
		now: at(19),
		mailAuthor: false
	});
	if (waiting.ok || waiting.problem !== 'vetting_required')
		throw new Error('the babysitting offer should wait for the Führungszeugnis');
	const zone = nordstadt.settings.timeZone;
	const vetted = await recordVetting({
		quarter: nordstadt,
		memberId: johanna,
		moderatorId: sabine,
		issuedOn: dayOf(at(30), zone),
		seenOn: dayOf(at(10), zone),
		now: at(10)
	});
	if (!vetted.ok) throw new Error(`vetting: ${vetted.problem}`);
	const approved = await changeListing({
		quarter: nordstadt,
		listingId: created.listing.id,
		userId: murat,
		membership: await findMembership(nordstadt.id, murat),
		move: { move: 'approve' },
		now: at(10),
		mailAuthor: false
	});
	if (!approved.ok) throw new Error(`approve babysitting: ${approved.problem}`);
	log('  vetted babysitter: Führungszeugnis recorded, offer published');

	// The refused electrical offer: kept as his draft.
	const horst = await person(
		{
			email: TRUST_DEMO.electrician,
			name: 'Horst B.',
			quarterId: nordstadt.id,
			birthYear: 1961,
			state: 'active'
		},
		at(60)
	);
	const horstMembership = await findMembership(nordstadt.id, horst);
	const draft = await createListing({
		quarter: nordstadt,
		userId: horst,
		membership: horstMembership,
		content: offer({
			title: 'Steckdosen setzen und Lampen anschließen',
			description: 'Ich setze neue Steckdosen und schließe Deckenlampen an. 25 € pro Stunde.',
			category: 'handwerk',
			settlement: 'euros',
			priceCents: 2500,
			priceUnit: 'hour'
		}),
		submit: false,
		now: at(5)
	});
	if (!draft.ok) throw new Error(`electrical draft: ${draft.problem}`);
	const refused = await changeListing({
		quarter: nordstadt,
		listingId: draft.listing.id,
		userId: horst,
		membership: horstMembership,
		move: { move: 'submit' },
		now: at(5)
	});
	if (refused.ok) throw new Error('the electrical offer should be refused');
	log(`  electrical offer refused (${refused.problem}), kept as a draft`);

	// Lindenhof admits minors with consent; Lina (16) is approved after her mother's consent.
	const lindenhof = await quarter('lindenhof');
	const petra = await idOf('petra.lindner@lindenhof.example');
	const settings = await saveTrustSettings(
		lindenhof,
		{ ...lindenhof.settings.trust, minorsWithConsent: true },
		petra,
		at(30)
	);
	if (!settings.ok) throw new Error(`Lindenhof trust settings: ${settings.problem}`);
	const lina = await person(
		{
			email: TRUST_DEMO.minor,
			name: 'Lina H.',
			quarterId: lindenhof.id,
			birthYear: year - 16,
			state: 'pending'
		},
		at(14)
	);
	const linde = await quarter('lindenhof');
	const consent = await recordMinorConsent({
		quarter: linde,
		memberId: lina,
		moderatorId: petra,
		now: at(12)
	});
	if (!consent.ok) throw new Error(`consent: ${consent.problem}`);
	const approval = await approveApplication({
		quarter: linde,
		memberId: lina,
		moderatorId: petra,
		origin: ORIGIN,
		now: at(12)
	});
	if (!approval.ok) throw new Error(`approve Lina: ${approval.problem}`);
	const linaMembership = await findMembership(linde.id, lina);
	const dogs = offer({
		title: 'Hunde ausführen nach der Schule',
		description: 'Ich gehe gern mit eurem Hund eine Runde durch den Park.',
		category: 'sonstiges'
	});
	const paid = await createListing({
		quarter: linde,
		userId: lina,
		membership: linaMembership,
		content: { ...dogs, settlement: 'euros', priceCents: 500, priceUnit: 'hour' },
		submit: true,
		now: at(11)
	});
	if (paid.ok) throw new Error("a minor's euro offer should be refused");
	const hours = await createListing({
		quarter: linde,
		userId: lina,
		membership: linaMembership,
		content: dogs,
		submit: true,
		now: at(11)
	});
	if (!hours.ok) throw new Error(`Lina's offer: ${hours.problem}`);
	log(
		`  Lindenhof admits minors; Lina (16) approved with consent, offer in hours (${hours.listing.state})`
	);
	return { created: true };
}
