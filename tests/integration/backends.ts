import { inject } from 'vitest';

/** The FerretDB backends this run has; PostgreSQL is skipped (visibly) when not reachable. */
export function backends(): Array<{ name: string; uri: string | null; skip: string | null }> {
	const { sqlite, postgresql, postgresqlProblem } = inject('ferretdb');
	return [
		{ name: 'FerretDB/SQLite', uri: sqlite, skip: null },
		{ name: 'FerretDB/PostgreSQL', uri: postgresql, skip: postgresqlProblem }
	];
}
