// A second app-server process for the ledger tests: books a share of the load against the same
// database and prints one JSON line per result as soon as it has it.
import { closeDb } from '../../src/lib/server/db';
import { LedgerBook } from '../../src/lib/server/services/ledger';
import { run } from './ledger-load';

const [quarterId, prefix, from, to] = process.argv.slice(2);
const indexes = Array.from({ length: Number(to) - Number(from) }, (_, k) => Number(from) + k);
await run(new LedgerBook(), quarterId!, prefix!, indexes, (o) =>
	process.stdout.write(JSON.stringify(o) + '\n')
);
await closeDb();
