// Who may do what with listings and the quarter management's pages, checked the way an attacker
// would: by posting straight to the action URLs. And bad input: a translated 4xx, nothing stored.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, loggedIn, test } from './fixtures';

const QUARTER = '/q/nordstadt';

function headers(page: Page, clientIp: string) {
	const origin = new URL(page.url()).origin;
	return { origin, accept: 'text/html', 'x-forwarded-for': clientIp };
}

/** Creates a listing through the form as the signed-in person; returns its path. */
async function postListing(
	request: APIRequestContext,
	page: Page,
	clientIp: string,
	fields: Record<string, string>
) {
	const response = await request.post(`${QUARTER}/listings/new`, {
		headers: headers(page, clientIp),
		multipart: {
			kind: 'offer',
			title: 'Gartenhilfe am Wochenende',
			description: 'Ich helfe beim Rasenmähen.',
			category: 'garten',
			tags: 'garten',
			settlement: 'hours',
			price: '',
			priceUnit: 'hour',
			availability: '',
			blockId: '',
			intent: 'submit',
			...fields
		},
		maxRedirects: 0
	});
	return response;
}

test('members cannot touch other members’ listings, drafts or moderator actions', async ({
	page,
	browser,
	clientIp
}) => {
	// Laura keeps a draft. (Each test signs in as its own demo people: logins are rate-limited
	// per address, and other files change some people's passwords.)
	await loggedIn(page, 'laura.meier@nordstadt.example');
	const created = await postListing(page.request, page, clientIp, {
		title: 'Mein geheimer Entwurf',
		intent: 'draft'
	});
	expect(created.status()).toBe(303);
	const draftPath = new URL(created.headers().location!, page.url()).pathname;

	const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
	const daniel = await other.newPage();
	await loggedIn(daniel, 'daniel.lange@nordstadt.example');
	const h = headers(daniel, clientIp);

	// Daniel cannot read, edit or move Laura's draft: it does not exist for him.
	expect((await daniel.request.get(draftPath)).status()).toBe(404);
	expect((await daniel.request.get(`${draftPath}/edit`)).status()).toBe(404);
	const editPost = await daniel.request.post(`${draftPath}/edit`, {
		headers: h,
		multipart: { kind: 'offer', title: 'Übernommen!', description: 'x', category: 'garten' },
		maxRedirects: 0
	});
	expect(editPost.status()).toBe(404);
	const submit = await daniel.request.post(`${draftPath}?/move`, {
		headers: h,
		form: { move: 'submit' },
		maxRedirects: 0
	});
	expect(submit.status()).toBe(404);

	// A published listing of Jonas: visible, but not Daniel's to pause or close.
	await page.goto(QUARTER + '?q=fahrradreparatur%20hinterhof');
	const href = await page
		.getByRole('link', { name: 'Fahrradreparatur im Hinterhof' })
		.getAttribute('href');
	for (const move of ['pause', 'close', 'renew']) {
		const r = await daniel.request.post(`${href}?/move`, {
			headers: h,
			form: { move },
			maxRedirects: 0
		});
		expect(r.status(), move).toBe(403);
	}
	// Nor can he approve or hide it as if he were the quarter management.
	for (const move of ['approve', 'hide', 'reinstate']) {
		const r = await daniel.request.post(`${href}?/move`, {
			headers: h,
			form: { move, reason: 'weil' },
			maxRedirects: 0
		});
		expect(r.status(), move).toBe(403);
	}
	await daniel.goto(href!);
	await expect(daniel.getByRole('button', { name: 'Pausieren' })).toHaveCount(0);
	await expect(daniel.getByRole('heading', { name: 'Quartiersmanagement' })).toHaveCount(0);

	// The quarter management's pages and actions: 403, also when posting straight to them.
	for (const path of [
		'/manage/nordstadt',
		'/manage/nordstadt/listings',
		'/manage/nordstadt/flags',
		'/manage/nordstadt/audit'
	]) {
		expect((await daniel.request.get(path)).status(), path).toBe(403);
	}
	const suspend = await daniel.request.post('/manage/nordstadt?/suspend', {
		headers: h,
		form: { member: '0'.repeat(24), reason: 'x' },
		maxRedirects: 0
	});
	expect(suspend.status()).toBe(403);
	const resolve = await daniel.request.post('/manage/nordstadt/flags?/resolve', {
		headers: h,
		form: { flag: 'x', outcome: 'dismissed', note: '' },
		maxRedirects: 0
	});
	expect(resolve.status()).toBe(403);
	const forbidden = await daniel.goto('/manage/nordstadt');
	expect(forbidden?.status()).toBe(403);
	await expectAccessible(daniel);
	await other.close();
});

test('a moderator of one quarter has no power in another', async ({ page, clientIp }) => {
	await loggedIn(page, 'petra.lindner@lindenhof.example');
	const h = headers(page, clientIp);
	expect((await page.request.get('/manage/nordstadt')).status()).toBe(403);
	expect((await page.request.get('/manage/nordstadt/flags')).status()).toBe(403);
	expect((await page.request.get('/manage/lindenhof')).status()).toBe(200);
	await page.goto(QUARTER + '?q=fahrradreparatur');
	// She is no member of Nordstadt: titles only, and no moves.
	const href = await page
		.getByRole('link', { name: 'Fahrradreparatur im Hinterhof' })
		.getAttribute('href');
	const hide = await page.request.post(`${href}?/move`, {
		headers: h,
		form: { move: 'hide', reason: 'Test' },
		maxRedirects: 0
	});
	expect(hide.status()).toBe(403);
	const suspend = await page.request.post('/manage/nordstadt?/suspend', {
		headers: h,
		form: { member: '0'.repeat(24), reason: 'x' },
		maxRedirects: 0
	});
	expect(suspend.status()).toBe(403);
});

test('bad listing input gets a German 4xx message and stores nothing', async ({
	page,
	clientIp
}) => {
	await loggedIn(page, 'ursula.vogel@nordstadt.example');
	const r = page.request;
	const mine = async () => {
		await page.goto(`${QUARTER}/mine`);
		// One card per listing.
		return page.getByRole('article').count();
	};
	const before = await mine();

	const cases: [Record<string, string>, string][] = [
		[{ title: 'T'.repeat(5000) }, 'Der Titel darf höchstens 100 Zeichen haben.'],
		[{ description: 'x'.repeat(4001) }, 'Die Beschreibung darf höchstens 4000 Zeichen haben.'],
		[{ category: 'gibt-es-nicht' }, 'Bitte wähle eine Kategorie aus der Liste.'],
		[{ category: '{"$ne": null}' }, 'Bitte wähle eine Kategorie aus der Liste.'],
		[{ blockId: '{"$gt": ""}' }, 'Bitte wähle einen Ort aus der Liste.'],
		[{ settlement: 'euros', price: '' }, 'Bitte gib einen Preis an'],
		[{ settlement: 'euros', price: '12,345' }, 'Bitte gib den Preis in Euro an'],
		[
			{ title: 'Nullbyte \u0000 im Titel' },
			'Der Text enthält Zeichen, die wir nicht speichern können.'
		]
	];
	for (const [fields, message] of cases) {
		const response = await postListing(r, page, clientIp, fields);
		expect(response.status(), JSON.stringify(fields).slice(0, 60)).toBe(400);
		expect(await response.text()).toContain(message);
	}
	// Operator objects as field names are just unknown fields: the form lacks its category.
	const operator = await r.post(`${QUARTER}/listings/new`, {
		headers: headers(page, clientIp),
		multipart: {
			kind: 'offer',
			title: 'Operator im Feldnamen',
			description: 'x',
			'category[$ne]': 'x',
			settlement: 'hours'
		},
		maxRedirects: 0
	});
	expect(operator.status()).toBe(400);
	expect(await operator.text()).toContain('Bitte wähle eine Kategorie aus der Liste.');

	// Photos: the type is read from the bytes, not the name; big files are refused unread.
	const svg = await postListing(r, page, clientIp, {});
	expect(svg.status()).toBe(303); // baseline: a valid listing without photo is fine
	const fake = await r.post(`${QUARTER}/listings/new`, {
		headers: headers(page, clientIp),
		multipart: {
			kind: 'offer',
			title: 'Mit falschem Foto',
			description: 'x',
			category: 'garten',
			settlement: 'hours',
			photo: {
				name: 'urlaub.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
				)
			}
		},
		maxRedirects: 0
	});
	expect(fake.status()).toBe(400);
	expect(await fake.text()).toContain('Bitte lade ein Foto als JPEG, PNG oder WebP hoch.');
	const huge = await r.post(`${QUARTER}/listings/new`, {
		headers: headers(page, clientIp),
		multipart: {
			kind: 'offer',
			title: 'Mit riesigem Foto',
			description: 'x',
			category: 'garten',
			settlement: 'hours',
			photo: {
				name: 'riesig.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.alloc(20 * 1024 * 1024, 0xff)
			}
		},
		maxRedirects: 0
	});
	expect(huge.status()).toBe(413);
	expect(await huge.text()).toContain('Fotos dürfen höchstens 8 MB haben');

	// Only the one valid listing was stored.
	expect(await mine()).toBe(before + 1);
});

test('script in Markdown is shown as text, never run', async ({ page, clientIp }) => {
	await loggedIn(page, 'dieter.lehmann@nordstadt.example');
	const response = await postListing(page.request, page, clientIp, {
		title: 'Skript-Test im Text',
		description:
			'Hallo <script>window.pwned = 1</script> und <img src=x onerror="window.pwned = 2"> [Klick](javascript:window.pwned=3) **fett**'
	});
	expect(response.status()).toBe(303);
	const path = new URL(response.headers().location!, page.url()).pathname;
	await page.goto(path);
	await expect(page.locator('.prose strong')).toHaveText('fett');
	await expect(page.locator('.prose script, .prose img, .prose a[href^="javascript"]')).toHaveCount(
		0
	);
	await expect(page.locator('.prose')).toContainText('<script>');
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)
	).toBeUndefined();
	await expectAccessible(page);
});
