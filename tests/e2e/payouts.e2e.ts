// Receiving card payments (issue 5): a local business connects a Stripe Express account. The app
// talks to the local fake Stripe (tests/support/fake-stripe/, started by playwright.config.ts),
// whose onboarding page completes the account, sends a signed `account.updated` to the app's
// webhook and returns to the app, as Stripe does.
import Stripe from 'stripe';
import { FAKE_STRIPE_WEBHOOK_SECRET, fakeStripePort } from '../support/stripe-env';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

// A business no other e2e file uses, so its Stripe account starts unconnected.
const BUSINESS = 'faden@nordstadt.example';

test('a business connects Stripe and can then take card payments', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	await page.getByLabel('E-Mail-Adresse').fill(BUSINESS);
	await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await expectAccessible(page);

	await page.goto('/q/nordstadt/payouts');
	await expect(page.getByRole('heading', { level: 1, name: 'Zahlungen empfangen' })).toBeVisible();
	await expect(page.getByText('Nicht verbunden', { exact: true })).toBeVisible();
	await expect(page.getByText('Nordstadt nimmt keine Plattformgebühr.')).toBeVisible();
	await expect(page.getByText(/ca\. 1,5 % \+ 0,25 €/)).toBeVisible();
	await expectAccessible(page);

	// To Stripe's onboarding and back: the fake finishes it at once.
	await page.getByRole('button', { name: 'Stripe-Konto verbinden' }).click();
	await expect(page).toHaveURL(/\/q\/nordstadt\/payouts\?returned=ok$/);
	await expect(page.getByRole('status')).toContainText('Willkommen zurück');
	await expect(page.getByText('Kartenzahlungen möglich', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stripe-Konto verbinden' })).toHaveCount(0);
	await expectAccessible(page);
	// Stripe's signed `account.updated` reached the app's webhook over HTTP and was taken.
	const fakeStripe = `http://127.0.0.1:${fakeStripePort(Number(new URL(page.url()).port))}`;
	const deliveries = (await (await fetch(`${fakeStripe}/__fake/deliveries`)).json()) as Array<{
		type: string;
		status: number;
	}>;
	expect(deliveries.filter((d) => d.type === 'account.updated').map((d) => d.status)).toContain(
		200
	);

	// The status is stored, not only shown once.
	await page.goto('/q/nordstadt/payouts');
	await expect(page.getByText('Kartenzahlungen möglich', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Einrichtung fortsetzen' })).toHaveCount(0);
	await expectAccessible(page);
});

test('the webhook refuses a bad signature and takes a signed event once', async ({ request }) => {
	const event = {
		id: `evt_e2e${Date.now()}`,
		object: 'event',
		api_version: Stripe.API_VERSION,
		created: Math.floor(Date.now() / 1000),
		data: { object: { id: 'acct_e2enobody', object: 'account', metadata: {} } },
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type: 'account.updated'
	};
	const body = JSON.stringify(event);
	const post = (signature?: string) =>
		request.post('/api/stripe/webhook', {
			data: body,
			headers: {
				'content-type': 'application/json; charset=utf-8',
				...(signature ? { 'stripe-signature': signature } : {})
			}
		});
	const stripe = new Stripe('sk_test_signing_only');
	const sign = (secret: string) =>
		stripe.webhooks.generateTestHeaderString({ payload: body, secret });

	expect((await post()).status()).toBe(400);
	expect((await post(sign('whsec_not_the_apps_secret'))).status()).toBe(400);
	expect((await post('t=1,v1=00')).status()).toBe(400);

	const first = await post(sign(FAKE_STRIPE_WEBHOOK_SECRET));
	expect(first.status()).toBe(200);
	expect(await first.json()).toMatchObject({ event: event.id, outcome: 'ignored' });
	const replay = await post(sign(FAKE_STRIPE_WEBHOOK_SECRET));
	expect(replay.status()).toBe(200);
	expect(await replay.json()).toMatchObject({ event: event.id, outcome: 'already_done' });
});
