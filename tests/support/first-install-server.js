// The app as a new operator meets it: the built app on an empty embedded FerretDB, no demo data.
// Started by playwright.config.ts beside the seeded e2e server; its console goes to a file
// (see FIRST_INSTALL_LOG) from which tests/e2e/first-install.e2e.ts reads the setup link, as an
// operator reads it from their terminal.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/lib.js';
import { serve } from '../../scripts/serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.FIRST_INSTALL_PORT ?? 4174);
const dataDir = path.join(root, `.test-data/first-install-${port}`);

await main(async () => {
	rmSync(dataDir, { recursive: true, force: true });
	delete process.env.MONGODB_URI;
	const server = await serve({
		dataDir,
		port,
		seed: false,
		env: {
			ORIGIN: `http://127.0.0.1:${port}`,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			NODE_ENV: 'test',
			DEV_MAIL: '1'
		}
	});
	process.exitCode = await server.done;
});
