// `npm start`: serves the built app on the configured database without seeding.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './lib.js';
import { serve } from './serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await main(async () => {
	const server = await serve({
		dataDir: process.env.DATA_DIR ?? path.join(root, 'data'),
		port: Number(process.env.PORT ?? 3000),
		seed: false
	});
	console.log(`\n✔ Quartiermarkt runs on ${server.url}. Stop it with Ctrl+C.`);
	process.exitCode = await server.done;
});
