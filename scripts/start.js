// `npm start`: serves the built app on the configured database without seeding, in production
// unless NODE_ENV says otherwise. Reads .env (real environment variables win) and stops at once,
// with one line per problem, when the configuration is not fit for production.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../src/lib/server/config.js';
import { main } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await main(async () => {
	const config = loadConfigOrExit({ defaultNodeEnv: 'production' });
	// Imported after the check: the log format and level follow NODE_ENV.
	const { serve } = await import('./serve.js');
	const server = await serve({
		dataDir: process.env.DATA_DIR ? path.resolve(config.DATA_DIR) : path.join(root, 'data'),
		port: config.PORT ?? 3000,
		seed: false
	});
	console.log(
		`\n✔ Quartiermarkt (${config.NODE_ENV}) runs on ${server.url}, listening on ${server.listen}. Stop it with Ctrl+C.`
	);
	process.exitCode = await server.done;
});
