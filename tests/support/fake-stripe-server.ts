// The fake Stripe as a process, for the e2e tests (playwright.config.ts starts it beside the app).
import { startFakeStripe } from './fake-stripe/index';
import { FAKE_STRIPE_SECRET_KEY, FAKE_STRIPE_WEBHOOK_SECRET } from './stripe-env';

const port = Number(process.env.FAKE_STRIPE_PORT ?? 12111);
const fake = await startFakeStripe({
	port,
	secretKey: FAKE_STRIPE_SECRET_KEY,
	webhookSecret: FAKE_STRIPE_WEBHOOK_SECRET,
	webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL
});
console.log(`Fake Stripe on ${fake.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => void fake.stop().then(() => process.exit(0)));
}
