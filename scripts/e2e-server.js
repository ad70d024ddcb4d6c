// The app as the end-to-end tests see it: the built app on a throw-away embedded FerretDB with
// the demo data, trusting X-Forwarded-For so that each test can act from its own address (as
// behind a reverse proxy) and the per-IP rate limits stay per test.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './lib.js';
import { serve } from './serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 4173);
// One directory per port, so that two runs on different ports (E2E_PORT) do not share data.
const dataDir = path.join(root, `.test-data/e2e-${port}`);

await main(async () => {
	rmSync(dataDir, { recursive: true, force: true });
	delete process.env.MONGODB_URI;
	const server = await serve({
		dataDir,
		port,
		seed: true,
		env: {
			ORIGIN: `http://127.0.0.1:${port}`,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			NODE_ENV: 'test',
			// The tests read sign-up and reset mails at /dev/mail.
			DEV_MAIL: '1',
			LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
		}
	});
	process.exitCode = await server.done;
});
