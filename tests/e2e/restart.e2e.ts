// The app on its own embedded database, as `npm start` runs it: it starts FerretDB itself,
// another process (the seed) shares that server, a graceful stop takes FerretDB down with the
// app, and a restart finds everything that was saved.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, expect, expectAccessible, logIn, openAccount, test } from './fixtures';

const port = Number(process.env.E2E_RESTART_PORT ?? 4183);
const origin = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qm-restart-'));
const env = {
	...process.env,
	MONGODB_URI: '',
	DATA_DIR: dataDir,
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	NODE_ENV: 'test'
};

const isUp = () =>
	fetch(`${origin}/login`).then(
		(r) => r.ok,
		() => false
	);

async function startApp(): Promise<ChildProcess> {
	if (await isUp()) throw new Error(`port ${port} is taken already; set E2E_RESTART_PORT`);
	const app = spawn(process.execPath, ['build/index.js'], {
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 200; i++) {
		const up = await fetch(`${origin}/login`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return app;
		await new Promise((r) => setTimeout(r, 100));
	}
	app.kill('SIGKILL');
	throw new Error('the app did not start within 20 s');
}

async function stopApp(app: ChildProcess): Promise<void> {
	const exited = new Promise((resolve) => app.once('exit', resolve));
	app.kill('SIGTERM');
	await exited;
}

async function seed(): Promise<void> {
	const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts'], {
		env,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let errors = '';
	child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
	const code = await new Promise((resolve) => child.once('exit', resolve));
	expect(code, `the seed failed: ${errors}`).toBe(0);
}

test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('a restart of the app keeps what people saved', async ({ page }) => {
	const stateFile = path.join(dataDir, 'embedded-ferretdb.json');

	let app = await startApp();
	try {
		expect(existsSync(stateFile)).toBe(true);
		await seed();

		await logIn(page, 'anna.becker@nordstadt.example', DEMO_PASSWORD, origin);
		await openAccount(page, origin);
		await page.getByLabel('Name, der anderen angezeigt wird').fill('Anna aus dem Hinterhaus');
		await page.getByRole('button', { name: 'Profil speichern' }).click();
		await expect(page.getByRole('status')).toContainText('Dein Profil ist gespeichert');
	} finally {
		await stopApp(app);
	}
	// The embedded database went down with the app.
	expect(existsSync(stateFile)).toBe(false);

	app = await startApp();
	try {
		// The session survived too: it lives in the database, not in the process.
		await page.goto(`${origin}/account`);
		await expect(page.getByLabel('Name, der anderen angezeigt wird')).toHaveValue(
			'Anna aus dem Hinterhaus'
		);
		await expectAccessible(page);
	} finally {
		await stopApp(app);
	}
});
