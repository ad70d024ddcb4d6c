// The first installation and the admin area's services against the real FerretDB: the setup link
// is claimed exactly once even by racing browsers and expires; quarters, blocks (CSV all or
// nothing), categories, managers, roles and settings change only through checked, audited acts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUARTER_SETTINGS } from '../../src/lib/domain/quarters/settings';
import { quarterSettingsSchema } from '../../src/lib/schemas/quarter';
import { newQuarterSchema } from '../../src/lib/schemas/platform';
import { newId } from '../../src/lib/server/ids';
import { listAudit } from '../../src/lib/server/repos/audit';
import { findMembership, insertMembership } from '../../src/lib/server/repos/memberships';
import { listMail } from '../../src/lib/server/repos/outbox';
import { isPlatformAdmin, listPlatformAdminIds } from '../../src/lib/server/repos/platform';
import { findQuarter } from '../../src/lib/server/repos/quarters';
import { insertUser } from '../../src/lib/server/repos/users';
import {
	appointManager,
	changeMemberRole,
	removeManager
} from '../../src/lib/server/services/admin';
import {
	announceSetupLink,
	checkSetupToken,
	claimSetup,
	createPlatformAdmin,
	installationFacts
} from '../../src/lib/server/services/platform';
import {
	changeQuarterSettings,
	createQuarter,
	editQuarterDetails,
	importBlocks,
	removeCategory,
	saveCategory
} from '../../src/lib/server/services/quarters';

const ORIGIN = 'http://quartier.test';
const HOUR = 60 * 60 * 1000;
const tokenOf = (link: string) => link.split('/setup/')[1]!;
const quiet = () => {};
const admin = { displayName: 'Ada Admin', password: 'ein-langes-passwort', locale: 'de' as const };

const auditOf = async (quarterId: string) =>
	(await listAudit(quarterId, { offset: 0, limit: 1000 })).entries;

let n = 0;
async function member(quarterId: string, role: 'resident' | 'business' = 'resident') {
	const id = newId();
	const email = `m${++n}.${Date.now().toString(36)}@beispiel.de`;
	await insertUser(
		{ id, email, displayName: `Mitglied ${n}`, locale: 'de', passwordHash: 'x' },
		new Date(),
		true
	);
	await insertMembership({ quarterId, userId: id, role, state: 'active' }, new Date());
	return { id, email };
}

async function quarter(slug: string) {
	const result = await createQuarter(
		{ slug, name: slug, city: 'Hannover', description: '', timeZone: 'Europe/Berlin' },
		'admin-1',
		new Date()
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.quarter;
}

const settingsInput = (changes: Record<string, string> = {}) =>
	quarterSettingsSchema.parse({
		memberApproval: 'on',
		minBalanceHours: '-10',
		maxBalanceHours: '40',
		listingExpiryDays: '60',
		paidOfferHintThreshold: '3',
		autoSettleAfterDays: '14',
		startCreditHours: '2',
		platformFeePercent: '0',
		platformFeeCapEuros: '5',
		...changes
	});

describe('the setup link of a fresh installation', () => {
	it('expires after a day and rejects unknown tokens', async () => {
		const dayAgo = new Date(Date.now() - 25 * HOUR);
		const old = await announceSetupLink(ORIGIN, quiet, dayAgo);
		expect(old).toMatch(/^http:\/\/quartier\.test\/setup\/[a-z2-7]{32}$/);
		expect(await checkSetupToken(tokenOf(old!), new Date())).toBe('expired');
		const claim = await claimSetup(
			tokenOf(old!),
			{ ...admin, email: 'alt@beispiel.de' },
			new Date()
		);
		expect(claim).toEqual({ ok: false, state: 'expired' });
		expect(await checkSetupToken('a'.repeat(32), new Date())).toBe('invalid');
		expect(await listPlatformAdminIds()).toEqual([]);
	});

	it('creates exactly one administrator when several browsers submit at once', async () => {
		const lines: string[] = [];
		const link = await announceSetupLink(ORIGIN, (l) => lines.push(l));
		expect(lines.join('\n')).toContain(link!);
		const token = tokenOf(link!);
		expect(await checkSetupToken(token, new Date())).toBe('valid');
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				claimSetup(token, { ...admin, email: `ada${i}@beispiel.de` }, new Date())
			)
		);
		const won = results.filter((r) => r.ok);
		expect(won).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.state)).toEqual(
			Array(5).fill('done')
		);
		const admins = await listPlatformAdminIds();
		expect(admins).toHaveLength(1);
		expect(won[0]!.ok && won[0]!.session.token).toBeTruthy();
		expect(await isPlatformAdmin(admins[0]!)).toBe(true);
		// Used up: the same link again, and any start afterwards prints nothing.
		expect(await checkSetupToken(token, new Date())).toBe('done');
		expect(await claimSetup(token, { ...admin, email: 'spaet@beispiel.de' }, new Date())).toEqual({
			ok: false,
			state: 'done'
		});
		expect(await announceSetupLink(ORIGIN, quiet)).toBeNull();
	});

	it('adds more administrators by script, once each', async () => {
		const first = await createPlatformAdmin(
			{ email: 'zweite@beispiel.de', displayName: 'Zweite' },
			'system',
			new Date(),
			ORIGIN
		);
		expect(first.created).toBe(true);
		expect(first.passwordLink).toMatch(/^http:\/\/quartier\.test\/reset-password\?token=/);
		const again = await createPlatformAdmin(
			{ email: 'zweite@beispiel.de', displayName: 'Zweite' },
			'system',
			new Date(),
			ORIGIN
		);
		expect(again).toMatchObject({ created: false, alreadyAdmin: true, passwordLink: null });
		expect(await listPlatformAdminIds()).toHaveLength(2);
	});
});

describe('quarters', () => {
	it('validates the form: slug, name, city and IANA time zone', () => {
		const ok = {
			slug: 'suedstadt',
			name: 'Südstadt',
			city: 'Hannover',
			description: '',
			timeZone: 'Europe/Berlin'
		};
		expect(newQuarterSchema.safeParse(ok).success).toBe(true);
		const problems = (input: object) => {
			const parsed = newQuarterSchema.safeParse({ ...ok, ...input });
			return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
		};
		expect(problems({ slug: 'Süd Stadt' })).toEqual(['admin_error_slug_invalid']);
		expect(problems({ slug: '-x' })).toEqual(['admin_error_slug_invalid']);
		expect(problems({ name: '  ' })).toEqual(['admin_error_name_required']);
		expect(problems({ city: '' })).toEqual(['admin_error_city_required']);
		expect(problems({ timeZone: 'Mars/Olympus' })).toEqual(['admin_error_time_zone_invalid']);
		expect(problems({ timeZone: 'America/New_York' })).toEqual([]);
	});

	it('creates a quarter with defaults, refuses a taken slug and audits edits', async () => {
		const q = await quarter('weststadt');
		expect(q.settings).toEqual({ ...DEFAULT_QUARTER_SETTINGS, timeZone: 'Europe/Berlin' });
		expect(q.categories.length).toBeGreaterThan(5);
		const taken = await createQuarter(
			{ slug: 'weststadt', name: 'Noch eine', city: 'X', description: '', timeZone: 'UTC' },
			'admin-1',
			new Date()
		);
		expect(taken).toEqual({ ok: false, errors: { slug: 'admin_error_slug_taken' } });
		expect((await findQuarter('weststadt'))!.name).toBe('weststadt');

		await editQuarterDetails(
			'weststadt',
			{ name: 'Weststadt', city: 'Hannover', description: 'Am Kanal', timeZone: 'Europe/Vienna' },
			'admin-1',
			new Date()
		);
		const edited = (await findQuarter('weststadt'))!;
		expect([edited.name, edited.description, edited.settings.timeZone]).toEqual([
			'Weststadt',
			'Am Kanal',
			'Europe/Vienna'
		]);
		const actions = (await auditOf('weststadt')).map((e) => e.action).sort();
		expect(actions).toEqual(['quarter.created', 'quarter.detailsChanged']);
	});

	it('saves settings through one audited service and refuses broken limits unchanged', async () => {
		await quarter('nordufer');
		const bad = await changeQuarterSettings(
			'nordufer',
			settingsInput({ minBalanceHours: '5' }),
			'mod-1',
			new Date()
		);
		expect(bad).toEqual({ ok: false, errors: { minBalanceHours: 'error_limits_min_positive' } });
		expect((await findQuarter('nordufer'))!.settings.timeBank.minBalanceMinutes).toBe(-600);

		const ok = await changeQuarterSettings(
			'nordufer',
			settingsInput({ maxBalanceHours: '20' }),
			'mod-1',
			new Date()
		);
		expect(ok).toEqual({ ok: true });
		const saved = (await findQuarter('nordufer'))!.settings;
		expect(saved.timeBank.maxBalanceMinutes).toBe(1200);
		expect(saved.listingPreModeration).toBe(false);
		expect(saved.timeZone).toBe('Europe/Berlin');
		const entry = (await auditOf('nordufer')).find((e) => e.action === 'quarter.settingsChanged')!;
		expect(entry.actorId).toBe('mod-1');
		expect(Object.keys(entry.details).sort()).toEqual(['listingPreModeration', 'timeBank']);
		// The same settings again change nothing and log nothing.
		await changeQuarterSettings(
			'nordufer',
			settingsInput({ maxBalanceHours: '20' }),
			'mod-1',
			new Date()
		);
		expect(
			(await auditOf('nordufer')).filter((e) => e.action === 'quarter.settingsChanged')
		).toHaveLength(1);
	});
});

describe('blocks and categories', () => {
	it('imports a CSV all or nothing, with semicolons or commas, and names each bad line', async () => {
		await quarter('suedstadt');
		const bad = await importBlocks(
			'suedstadt',
			'name;lat;lng\nSallstraße;52,3652;9,7522\n;52,3;9,7\nStephansplatz;95;9,75\nEcke;52,1\n',
			'admin-1',
			new Date()
		);
		expect(bad).toEqual({
			ok: false,
			problem: 'invalid',
			errors: [
				{ line: 3, problem: 'name_missing' },
				{ line: 4, problem: 'lat_invalid' },
				{ line: 5, problem: 'columns' }
			]
		});
		expect((await findQuarter('suedstadt'))!.blocks).toEqual([]);
		expect(await auditOf('suedstadt')).toHaveLength(1); // only its creation

		const good = await importBlocks(
			'suedstadt',
			'name,lat,lng\r\nSallstraße 1–40,52.3652,9.7522\r\nStephansplatz,52.3631,9.7541\r\nAltenbekener Damm,52.3598,9.7556\r\n',
			'admin-1',
			new Date()
		);
		expect(good).toMatchObject({ ok: true, added: 3, updated: 0 });
		const again = await importBlocks(
			'suedstadt',
			'Stephansplatz;52,3632;9,7542\nKrausenstraße;52,3611;9,7501',
			'admin-1',
			new Date()
		);
		expect(again).toMatchObject({ ok: true, added: 1, updated: 1 });
		const blocks = (await findQuarter('suedstadt'))!.blocks;
		expect(blocks.map((b) => b.name)).toEqual([
			'Sallstraße 1–40',
			'Stephansplatz',
			'Altenbekener Damm',
			'Krausenstraße'
		]);
		expect(blocks[1]).toEqual({
			id: 'stephansplatz',
			name: 'Stephansplatz',
			lat: 52.3632,
			lon: 9.7542
		});
		expect(
			(await auditOf('suedstadt')).filter((e) => e.action === 'quarter.blocksImported')
		).toHaveLength(2);
	});

	it('adds, renames and removes categories; a duplicate is refused', async () => {
		const q = await quarter('kategorienfeld');
		const added = await saveCategory(
			q.id,
			{ labelDe: 'Lastenrad', labelEn: 'Cargo bike' },
			'admin-1',
			new Date()
		);
		expect(added.ok && added.categories.at(-1)).toEqual({
			id: 'lastenrad',
			label: { de: 'Lastenrad', en: 'Cargo bike' }
		});
		expect(
			await saveCategory(q.id, { labelDe: 'Lastenrad', labelEn: 'X' }, 'admin-1', new Date())
		).toEqual({ ok: false, problem: 'taken' });
		await saveCategory(
			q.id,
			{ id: 'lastenrad', labelDe: 'Lastenräder', labelEn: 'Cargo bikes' },
			'admin-1',
			new Date()
		);
		expect((await findQuarter(q.id))!.categories.find((c) => c.id === 'lastenrad')!.label.de).toBe(
			'Lastenräder'
		);
		expect((await removeCategory(q.id, 'lastenrad', 'admin-1', new Date())).ok).toBe(true);
		expect((await findQuarter(q.id))!.categories.some((c) => c.id === 'lastenrad')).toBe(false);
		const actions = (await auditOf(q.id)).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'quarter.categoryAdded',
				'quarter.categoryChanged',
				'quarter.categoryRemoved'
			])
		);
	});
});

describe('quarter managers and roles', () => {
	it('appoints an existing member, invites a newcomer by mail, and removes a manager', async () => {
		const q = await quarter('managerhof');
		const anna = await member(q.id);
		const appointed = await appointManager(
			{ quarterId: q.id, email: anna.email },
			'admin-1',
			new Date(),
			ORIGIN
		);
		expect(appointed).toMatchObject({ ok: true, invited: false, passwordLink: null });
		expect((await findMembership(q.id, anna.id))!.role).toBe('moderator');
		expect(
			await appointManager({ quarterId: q.id, email: anna.email }, 'admin-1', new Date(), ORIGIN)
		).toEqual({ ok: false, problem: 'already_manager' });

		const newcomer = `neu.${Date.now().toString(36)}@beispiel.de`;
		expect(
			await appointManager({ quarterId: q.id, email: newcomer }, 'admin-1', new Date(), ORIGIN)
		).toEqual({ ok: false, problem: 'name_required' });
		const invited = await appointManager(
			{ quarterId: q.id, email: newcomer, displayName: 'Nora Neu' },
			'admin-1',
			new Date(),
			ORIGIN
		);
		expect(invited).toMatchObject({ ok: true, invited: true });
		const mail = (await listMail(5, newcomer))[0]!;
		expect(mail.subject).toBe('Einladung ins Quartiersmanagement managerhof');
		expect(mail.text).toMatch(/http:\/\/quartier\.test\/reset-password\?token=[a-z2-7]{32}/);

		expect(
			(await removeManager({ quarterId: q.id, email: anna.email }, 'admin-1', new Date())).ok
		).toBe(true);
		expect((await findMembership(q.id, anna.id))!.role).toBe('resident');
		expect(
			await removeManager({ quarterId: q.id, email: anna.email }, 'admin-1', new Date())
		).toEqual({ ok: false, problem: 'not_manager' });

		const entries = await auditOf(q.id);
		const annaActs = entries
			.filter((e) => e.target.type === 'member' && e.target.id === anna.id)
			.map((e) => e.action)
			.sort();
		expect(annaActs).toEqual(['member.managerAppointed', 'member.managerRemoved']);
	});

	it('changes resident ↔ business with a reason in the audit log, and nothing else', async () => {
		const q = await quarter('rollenweg');
		const ben = await member(q.id, 'resident');
		const changed = await changeMemberRole(
			{ quarterId: q.id, userId: ben.id, role: 'business', reason: 'Verkauft regelmäßig Brot' },
			'admin-1',
			new Date()
		);
		expect(changed.ok).toBe(true);
		expect((await findMembership(q.id, ben.id))!.role).toBe('business');
		expect(
			await changeMemberRole(
				{ quarterId: q.id, userId: ben.id, role: 'business', reason: 'nochmal' },
				'admin-1',
				new Date()
			)
		).toEqual({ ok: false, problem: 'same_role' });
		const boss = await member(q.id);
		await appointManager({ quarterId: q.id, email: boss.email }, 'admin-1', new Date(), ORIGIN);
		expect(
			await changeMemberRole(
				{ quarterId: q.id, userId: boss.id, role: 'business', reason: 'x y z' },
				'admin-1',
				new Date()
			)
		).toEqual({ ok: false, problem: 'not_member' });
		const entry = (await auditOf(q.id)).find((e) => e.action === 'member.roleChanged')!;
		expect(entry).toMatchObject({
			actorId: 'admin-1',
			reason: 'Verkauft regelmäßig Brot',
			details: { from: 'resident', to: 'business' },
			target: { type: 'member', id: ben.id }
		});
	});
});

describe('installation facts', () => {
	it('name the database without credentials and count documents', async () => {
		const facts = await installationFacts();
		expect(facts.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(facts.node).toBe(process.version);
		expect(facts.database.where).not.toContain('@');
		expect(facts.collections.find((c) => c.name === 'quarters')!.count).toBeGreaterThanOrEqual(6);
		expect(facts.mail).toEqual({ kind: 'outbox' });
	});
});
