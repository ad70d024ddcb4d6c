import { expect, expectAccessible, logIn, openAccount, test, uniqueEmail } from './fixtures';

/** What a browser's plain form post sends: same origin, and it wants a page back. */
function formHeaders(origin: string, clientIp: string) {
	return { origin, accept: 'text/html', 'x-forwarded-for': clientIp };
}

test('the sign-up form explains every mistake in German and keeps what was typed', async ({
	page
}) => {
	await page.goto('/signup');
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte prüfe deine Angaben');
	await expect(page.getByText('Bitte gib einen Namen ein.')).toBeVisible();
	await expect(page.getByText('Bitte gib deine E-Mail-Adresse ein.')).toBeVisible();
	await expect(page.getByText('Bitte gib ein Passwort ein.')).toBeVisible();
	await expect(page.getByText('Bitte bestätige die Regeln, um mitzumachen.')).toBeVisible();
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	// The field itself stops at 60 characters; the server checks the length too (see below).
	await page.getByLabel('Name, der anderen angezeigt wird').fill('X'.repeat(61));
	await expect(page.getByLabel('Name, der anderen angezeigt wird')).toHaveValue('X'.repeat(60));
	await page.getByLabel('Name, der anderen angezeigt wird').fill('Y');
	await page.getByLabel('E-Mail-Adresse').fill('{"$ne": null}');
	await page.getByLabel('Passwort', { exact: true }).fill('kurz');
	await page.getByLabel('Passwort wiederholen').fill('kurz');
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(page.getByText('Der Name ist zu kurz (mindestens 2 Zeichen).')).toBeVisible();
	await expect(page.getByText('Das sieht nicht wie eine E-Mail-Adresse aus')).toBeVisible();
	await expect(page.getByText('Das Passwort ist zu kurz')).toBeVisible();
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('{"$ne": null}');
	await expectAccessible(page);
});

test('the same mistakes without JavaScript get a 4xx status and a German page', async ({
	browser,
	page,
	clientIp
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		extraHTTPHeaders: { 'x-forwarded-for': clientIp }
	});
	const noJs = await context.newPage();
	await noJs.goto('/login');
	await noJs.getByLabel('E-Mail-Adresse').fill('nicht-gültig@');
	await noJs.getByLabel('Passwort', { exact: true }).fill('geheimes Passwort');
	const [response] = await Promise.all([
		noJs.waitForResponse((r) => r.request().method() === 'POST'),
		noJs.getByRole('button', { name: 'Anmelden' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(noJs.getByText('Das sieht nicht wie eine E-Mail-Adresse aus')).toBeVisible();
	await expect(noJs.getByLabel('E-Mail-Adresse')).toHaveValue('nicht-gültig@');
	// The server never sends a password back into the page.
	await expect(noJs.getByLabel('Passwort', { exact: true })).toHaveValue('');
	// axe runs inside the page and so needs JavaScript: check the same HTML in a normal page.
	const html = await noJs.content();
	await context.close();
	await page.goto('/login');
	await page.setContent(html);
	await expectAccessible(page);
});

const forms: Array<{ path: string; fields: Record<string, string> }> = [
	{
		path: '/signup',
		fields: {
			displayName: 'Ömer Çelik 🌻',
			email: 'a',
			password: 'x',
			passwordRepeat: 'y',
			quarterId: 'nordstadt',
			kind: 'resident'
		}
	},
	{
		path: '/signup',
		fields: {
			displayName: 'Zoë\u0000',
			email: 'zoe@beispiel.de',
			password: 'gutes Passwort 12',
			passwordRepeat: 'gutes Passwort 12',
			quarterId: '../etc',
			kind: 'admin',
			terms: 'on'
		}
	},
	{
		path: '/signup',
		fields: {
			displayName: 'N'.repeat(61),
			email: 'a'.repeat(300) + '@beispiel.de',
			password: 'p'.repeat(5000),
			passwordRepeat: '',
			quarterId: 'nordstadt',
			kind: 'resident',
			terms: 'on'
		}
	},
	{ path: '/login', fields: { email: '{"$ne": null}', password: '{"$gt": ""}' } },
	{ path: '/login', fields: { email: '', password: '' } },
	{ path: '/login', fields: { email: '\ud800@beispiel.de', password: 'irgendwas123' } },
	{ path: '/forgot-password', fields: { email: '{"$where": "sleep(1000)"}' } },
	{ path: '/verify-email?/resend', fields: { email: '' } },
	{
		path: '/reset-password',
		fields: {
			token: '{"$ne": null}',
			password: 'gutes Passwort 12',
			passwordRepeat: 'gutes Passwort 12'
		}
	},
	{
		path: '/reset-password',
		fields: {
			token: 'a'.repeat(32),
			password: 'gutes Passwort 12',
			passwordRepeat: 'gutes Passwort 12'
		}
	}
];

for (const [i, { path, fields }] of forms.entries()) {
	test(`bad input ${i + 1} to ${path} gets a 4xx and a translated message, never a 500`, async ({
		request,
		baseURL,
		clientIp
	}) => {
		const response = await request.post(path, {
			form: fields,
			headers: formHeaders(baseURL!, clientIp)
		});
		expect(response.status()).toBeGreaterThanOrEqual(400);
		expect(response.status()).toBeLessThan(500);
		const html = await response.text();
		expect(html).toMatch(
			/Bitte|ungültig|stimmen nicht|nicht wie eine E-Mail-Adresse|speichern können|gibt es nicht/
		);
	});
}

test('a JSON body and a cross-site post are refused without a 500', async ({
	request,
	baseURL,
	clientIp
}) => {
	const json = await request.post('/login', {
		data: { email: { $ne: null }, password: { $ne: null } },
		headers: formHeaders(baseURL!, clientIp)
	});
	expect(json.status()).toBeGreaterThanOrEqual(400);
	expect(json.status()).toBeLessThan(500);
	const crossSite = await request.post('/login', {
		form: { email: 'anna.becker@nordstadt.example', password: 'nordstadt-demo' },
		headers: { ...formHeaders(baseURL!, clientIp), origin: 'https://evil.example' }
	});
	expect(crossSite.status()).toBe(403);
});

test('sign-up refuses a quarter that does not exist and a duplicate address looks the same as a new one', async ({
	page
}) => {
	const email = 'anna.becker@nordstadt.example';
	await page.goto('/signup');
	await page.getByLabel('Name, der anderen angezeigt wird').fill('Anna Zweitkonto');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill('ein anderes Passwort');
	await page.getByLabel('Passwort wiederholen').fill('ein anderes Passwort');
	await page.getByLabel('Geburtsjahr').fill('1985');
	await page.getByLabel(/Ich halte mich an die Regeln/).check();
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	// No hint whether the address is registered: the owner gets a mail instead.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Schau in dein Postfach' })
	).toBeVisible();
	await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
	await expect(
		page.getByRole('link', { name: 'Du hast schon ein Konto beim Quartiermarkt' }).first()
	).toBeVisible();
	await expectAccessible(page);
});

test('too many failed logins for one address are stopped with 429', async ({
	page,
	request,
	baseURL,
	clientIp
}) => {
	const email = uniqueEmail('ziel');
	for (let i = 0; i < 8; i++) {
		const response = await request.post('/login', {
			form: { email, password: `falsch-${i}-passwort` },
			headers: formHeaders(baseURL!, clientIp)
		});
		expect(response.status()).toBe(400);
	}
	await logIn(page, email, 'noch ein Versuch 123');
	await expect(page.getByRole('alert')).toContainText('Zu viele Versuche in kurzer Zeit');
	await expectAccessible(page);
	const limited = await request.post('/login', {
		form: { email, password: 'und noch einer 123' },
		headers: formHeaders(baseURL!, clientIp)
	});
	expect(limited.status()).toBe(429);
	expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
});

// Each member here is used by no other test, so "changes nothing" cannot be disturbed.
const signedInForms: Array<{ who: string; path: string; fields: Record<string, string> }> = [
	{
		who: 'paul.wagner@nordstadt',
		path: '/account?/profile',
		fields: { displayName: '', locale: 'de' }
	},
	{
		who: 'paul.wagner@nordstadt',
		path: '/account?/profile',
		fields: { displayName: 'Paul\u0007', locale: 'fr' }
	},
	{
		who: 'sophie.richter@nordstadt',
		path: '/account?/password',
		fields: { currentPassword: '', password: 'a', passwordRepeat: 'b' }
	},
	{
		who: 'sophie.richter@nordstadt',
		path: '/account?/password',
		fields: {
			currentPassword: '{"$ne": null}',
			password: 'gutes Passwort 12',
			passwordRepeat: 'gutes Passwort 12'
		}
	},
	{
		who: 'petra.lindner@lindenhof',
		path: '/manage/lindenhof?/settings',
		fields: { minBalanceHours: 'zehn', maxBalanceHours: '40' }
	},
	{
		who: 'petra.lindner@lindenhof',
		path: '/manage/lindenhof?/settings',
		fields: { minBalanceHours: '-99999', maxBalanceHours: '{"$gt": 0}' }
	},
	// The cockpit's newer forms: a mediation case, a budget line, an assisted member's consent.
	{
		who: 'petra.lindner@lindenhof',
		path: '/manage/lindenhof/cases?/open',
		fields: { title: '', partyA: '{"$ne": null}', text: 'x', nonce: 'nonce-aaaaaaaaaaaaaaaa' }
	},
	{
		who: 'petra.lindner@lindenhof',
		path: '/manage/lindenhof/budget?/createLine',
		fields: {
			name: '',
			hours: 'viel',
			euros: '{"$gt": 0}',
			from: '2026-13-01',
			to: 'gestern',
			purpose: '',
			nonce: 'nonce-aaaaaaaaaaaaaaaa'
		}
	},
	{
		who: 'petra.lindner@lindenhof',
		path: '/manage/lindenhof/assisted?/consent',
		fields: { member: '{"$ne": null}', consentDay: '31.02.2026', how: 'telepathy', note: '' }
	}
];

for (const [i, { who, path, fields }] of signedInForms.entries()) {
	test(`bad input ${i + 1} from a signed-in member to ${path} gets a 4xx and changes nothing`, async ({
		page,
		baseURL,
		clientIp
	}) => {
		await logIn(page, `${who}.example`, 'nordstadt-demo');
		await openAccount(page);
		const before = await page.request.get(path.split('?')[0]!).then((r) => r.text());
		const response = await page.request.post(path, {
			form: fields,
			headers: formHeaders(baseURL!, clientIp)
		});
		expect(response.status()).toBeGreaterThanOrEqual(400);
		expect(response.status()).toBeLessThan(500);
		expect(await response.text()).toMatch(/Bitte|stimmt nicht|speichern können|Höchstens/);
		const after = await page.request.get(path.split('?')[0]!).then((r) => r.text());
		// Forms carry a fresh random key (nonce) on every load; everything else must be the same.
		const strip = (html: string) =>
			html
				.replace(/sha256-[^']+/g, '')
				.replace(/data-sveltekit[^>]*/g, '')
				.replace(/name="nonce" value="[^"]*"/g, '')
				.replace(/[A-Za-z]*[Nn]once:"[^"]*"/g, '');
		expect(strip(after)).toBe(strip(before));
	});
}

test('a form body sent in chunks without a length is cut off at the limit, in German', async ({
	baseURL,
	clientIp
}) => {
	// 2 MB in 64 kB chunks, no Content-Length: the server stops reading after 256 kB.
	const chunk = new TextEncoder().encode('email=' + 'a'.repeat(64 * 1024));
	let sent = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent >= 32) return controller.close();
			sent++;
			controller.enqueue(chunk);
		}
	});
	const response = await fetch(`${baseURL}/forgot-password`, {
		method: 'POST',
		headers: {
			...formHeaders(baseURL!, clientIp),
			'content-type': 'application/x-www-form-urlencoded'
		},
		body,
		duplex: 'half'
	} as RequestInit);
	expect(response.status).toBe(413);
	expect(await response.text()).toContain('zu groß');
});
