import { describe, expect, it } from 'vitest';
import { defaultBackupPath } from './create';
import { backupOrder } from './order';

describe('backupOrder', () => {
	const order = backupOrder([
		'users',
		'ledger',
		'zzz_new',
		'snapshots',
		'exchange_events',
		'quarters',
		'audit',
		'listing_revisions'
	]);
	const before = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);

	it('keeps every collection once', () => {
		expect([...order].sort()).toEqual(
			[
				'audit',
				'exchange_events',
				'ledger',
				'listing_revisions',
				'quarters',
				'snapshots',
				'users',
				'zzz_new'
			].sort()
		);
	});

	it.each([
		['snapshots', 'ledger'], // a snapshot is never ahead of its log
		['snapshots', 'zzz_new'],
		['exchange_events', 'ledger'], // a settled exchange names its transfer
		['ledger', 'users'],
		['listing_revisions', 'users'],
		['users', 'quarters'],
		['zzz_new', 'exchange_events'] // unknown collections sit between the two groups
	])('reads %s before %s', (a, b) => {
		expect(before(a, b)).toBe(true);
	});
});

describe('defaultBackupPath', () => {
	it('names the file by its UTC time, to the second', () => {
		expect(defaultBackupPath(new Date('2026-12-03T05:13:28.412Z'))).toBe(
			'backups/quartiermarkt-20261203T051328Z.qmbackup.gz'
		);
	});
});
