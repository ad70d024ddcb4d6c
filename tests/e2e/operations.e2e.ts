// Going live (issue 12): the one local address, forms from another origin refused in the
// reader's language, /healthz, and /dev/mail only where it is switched on. The last test starts
// the built server itself (`node build`) in a directory of its own with a .env there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, expectAccessible, test, uniqueEmail, waitForHydration } from './fixtures';

const PHONE = { width: 390, height: 844 };

test('die andere Schreibweise von localhost führt zur einen Adresse der Demo', async ({
	page,
	baseURL
}) => {
	await page.setViewportSize(PHONE);
	const { port } = new URL(baseURL!);
	await page.goto(`http://localhost:${port}/signup?von=start`);
	await expect(page).toHaveURL(`http://127.0.0.1:${port}/signup?von=start`);
	await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
	await expectAccessible(page);
});

test('Registrieren klappt ohne JavaScript unter der angezeigten Adresse', async ({
	browser,
	clientIp
}) => {
	const context = await browser.newContext({
		locale: 'de-DE',
		javaScriptEnabled: false,
		viewport: PHONE,
		extraHTTPHeaders: { 'x-forwarded-for': clientIp }
	});
	const page = await context.newPage();
	await page.goto('/signup');
	await page.getByLabel('Name, der anderen angezeigt wird').fill('Jonas Ohne-Skript');
	await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('jonas.ohne.js'));
	await page.getByLabel('Passwort', { exact: true }).fill('Kastanienbaum im Hof 12');
	await page.getByLabel('Passwort wiederholen').fill('Kastanienbaum im Hof 12');
	await page.getByLabel('Geburtsjahr').fill('1975');
	await page.getByLabel('Dein Quartier').selectOption({ label: 'Nordstadt' });
	await page.getByLabel(/Ich halte mich an die Regeln/).check();
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	// axe needs scripts: the same pages are checked with JavaScript in accounts.e2e.ts.
	await context.close();
});

test('ein Formular von einer anderen Adresse wird verständlich abgelehnt', async ({
	page,
	request,
	baseURL,
	clientIp
}) => {
	const { port } = new URL(baseURL!);
	const form = { email: 'niemand@beispiel.de', password: 'egal-egal-egal' };
	const foreign = { origin: `http://localhost:${port}`, 'x-forwarded-for': clientIp };

	const withoutJs = await request.post('/login', {
		headers: { ...foreign, accept: 'text/html' },
		form
	});
	expect(withoutJs.status()).toBe(403);
	const html = await withoutJs.text();
	expect(html).toContain(`Dieses Formular wurde nicht von ${baseURL} abgeschickt`);
	await page.setViewportSize(PHONE);
	await page.setContent(html);
	await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
	await expectAccessible(page);

	const english = await request.post('/en/login', {
		headers: { ...foreign, accept: 'text/html' },
		form
	});
	expect(english.status()).toBe(403);
	expect(await english.text()).toContain(`This form was not sent from ${baseURL}`);

	// With JavaScript (use:enhance) the answer is an action result the error page shows.
	const enhanced = await request.post('/login', {
		headers: { ...foreign, accept: 'application/json', 'x-sveltekit-action': 'true' },
		form
	});
	expect(enhanced.status()).toBe(403);
	expect(await enhanced.json()).toEqual({
		type: 'error',
		error: { message: expect.stringContaining('Dieses Formular wurde nicht von') }
	});
});

test('/healthz meldet Datenbank, Lesemodelle und Jobs, ohne Cookie', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['set-cookie']).toBeUndefined();
	const report = await response.json();
	expect(report).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/) });
	expect(report.database.reachable).toBe(true);
	expect(Array.isArray(report.readModels)).toBe(true);
	expect(report.jobs.map((j: { name: string }) => j.name)).toEqual(
		expect.arrayContaining([
			'purge-expired',
			'listing-expiry',
			'auto-settle',
			'message-notifications'
		])
	);
	expect(JSON.stringify(report)).not.toMatch(/mongodb:\/\/|whsec_|sk_test_/);
});

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** `node build` in a directory of its own, configured only by the .env there. */
async function startBuilt(
	dotenv: Record<string, string>
): Promise<{ url: string; app: ChildProcess; stop: () => Promise<void> }> {
	const cwd = mkdtempSync(path.join(os.tmpdir(), 'qm-ops-'));
	const port = await freePort();
	const root = process.cwd();
	const lines = {
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: path.join(cwd, 'data'),
		FERRETDB_BIN: path.join(root, '.tools/bin/ferretdb'),
		LOG_LEVEL: 'warn',
		...dotenv
	};
	writeFileSync(
		path.join(cwd, '.env'),
		Object.entries(lines)
			.map(([k, v]) => `${k}=${v}`)
			.join('\n')
	);
	// Only .env configures it: none of the test run's own variables.
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([k]) =>
				!/^(NODE_ENV|ORIGIN|SMTP_URL|DEV_MAIL|STRIPE_|MONGODB_|PORT|HOST|DATA_DIR|ENV_FILE|LOG_)/.test(
					k
				)
		)
	);
	const app = spawn(process.execPath, [path.join(root, 'build/index.js')], {
		cwd,
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (app.exitCode === null) {
			const exited = new Promise((resolve) => app.once('exit', resolve));
			app.kill('SIGTERM');
			await exited;
		}
		rmSync(cwd, { recursive: true, force: true });
	};
	for (let i = 0; i < 300; i++) {
		const up = await fetch(`${url}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { url, app, stop };
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error('the built app did not start within 30 s');
}

test('/dev/mail gibt es nur mit DEV_MAIL=1 und nie in Produktion; node build liest .env', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize(PHONE);

	const development = await startBuilt({ NODE_ENV: 'development' });
	try {
		const origin = development.url;
		expect((await fetch(`${origin}/dev/mail`)).status).toBe(404);
		await page.goto(`${origin}/login`);
		await waitForHydration(page);
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Postausgang (Entwicklung)' })).toHaveCount(0);
		await page.goto(`${origin}/dev/mail`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })
		).toBeVisible();
		await expectAccessible(page);
	} finally {
		await development.stop();
	}

	// Production (the default of `node build`), correctly configured in .env.
	const production = await startBuilt({
		ORIGIN: 'https://quartiermarkt.suedstadt-bonn.de',
		SMTP_URL: 'smtp://127.0.0.1:9'
	});
	try {
		expect((await fetch(`${production.url}/dev/mail`)).status).toBe(404);
		expect((await fetch(`${production.url}/dev/mail/abc`)).status).toBe(404);
		const health = await fetch(`${production.url}/healthz`);
		expect(health.status).toBe(200);
		expect(health.headers.get('set-cookie')).toBeNull();
	} finally {
		await production.stop();
	}
});
