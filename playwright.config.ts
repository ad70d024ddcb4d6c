import { defineConfig, devices } from '@playwright/test';
import {
	FAKE_STRIPE_SECRET_KEY,
	FAKE_STRIPE_WEBHOOK_SECRET,
	fakeStripePort
} from './tests/support/stripe-env';

const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Runs on another port (E2E_PORT) keep their own artifacts: Playwright empties outputDir.
const suffix = port === 4173 ? '' : `-${port}`;
// The app under test takes card payments through a local fake Stripe (tests/support/fake-stripe/);
// `npm run demo` stays without keys.
const stripePort = fakeStripePort(port);
// A second app on an empty database for the first installation (tests/e2e/first-install.e2e.ts);
// its console output goes to a file the test reads the setup link from.
const firstInstallPort = Number(process.env.FIRST_INSTALL_PORT ?? port + 1);
process.env.FIRST_INSTALL_PORT = String(firstInstallPort);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	// Two browsers, the app, its database and axe share two cores: the longest flows (two people,
	// a dozen pages checked with axe) took over two minutes on a busy CI machine. Each step still
	// fails after 10 s (expect) and a page after 30 s (navigation), so a real hang shows at once.
	timeout: 180_000,
	expect: { timeout: 10_000 },
	// Playwright empties outputDir at start; the JSON report sits beside it for scripts/test.js.
	outputDir: `test-results/e2e-artifacts${suffix}`,
	reporter: [['list'], ['json', { outputFile: `test-results/e2e${suffix}.json` }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'de-DE',
		trace: 'retain-on-failure',
		navigationTimeout: 30_000,
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromium,
					// Debian's chromium as root in a container, on a machine without internet.
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: [
		{
			command: 'node node_modules/tsx/dist/cli.mjs tests/support/fake-stripe-server.ts',
			url: `http://127.0.0.1:${stripePort}/health`,
			timeout: 30_000,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
			env: {
				FAKE_STRIPE_PORT: String(stripePort),
				FAKE_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/stripe/webhook`
			}
		},
		{
			command: 'node scripts/e2e-server.js',
			url: `http://127.0.0.1:${port}/login`,
			timeout: 120_000,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
			env: {
				E2E_PORT: String(port),
				STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
				STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
				STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`
			}
		},
		{
			command: `mkdir -p .test-data && node tests/support/first-install-server.js > .test-data/first-install-${firstInstallPort}.log 2>&1`,
			url: `http://127.0.0.1:${firstInstallPort}/login`,
			timeout: 120_000,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
			env: { FIRST_INSTALL_PORT: String(firstInstallPort) }
		}
	]
});
