// The keys and ports the tests give the app and the local fake Stripe (tests/support/fake-stripe/).
// Test-mode shaped, but no real Stripe account knows them.
export const FAKE_STRIPE_SECRET_KEY = 'sk_test_quartiermarkt_local_fake';
export const FAKE_STRIPE_WEBHOOK_SECRET = 'whsec_quartiermarkt_local_fake';

/** The fake Stripe of an e2e run sits 10 000 ports above the app, so runs on other ports
 * (E2E_PORT) each have their own. */
export function fakeStripePort(appPort: number): number {
	return appPort + 10_000;
}
