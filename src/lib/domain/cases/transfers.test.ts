import { describe, expect, it } from 'vitest';
import { COMMUNITY, memberAccount, type LedgerEntry } from '../ledger/ledger';
import { caseTransfers } from './transfers';

const at = new Date(Date.UTC(2026, 10, 1));
let seq = 0;
function entry(
	from: LedgerEntry['from'],
	to: LedgerEntry['to'],
	minutes: number,
	more: Partial<LedgerEntry> = {}
): LedgerEntry {
	seq++;
	return {
		seq,
		at,
		by: 'x',
		from,
		to,
		minutes,
		kind: 'exchange',
		key: `k${seq}`,
		memo: '',
		...more
	};
}

const anna = memberAccount('anna');
const ben = memberAccount('ben');
const carla = memberAccount('carla');

describe('caseTransfers', () => {
	seq = 0;
	const entries = [
		entry(COMMUNITY, anna, 120, { kind: 'start-credit' }), // 1: Anna only
		entry(ben, anna, 180), // 2: between the parties
		entry(carla, anna, 60), // 3: Anna and someone else
		entry(anna, ben, 60, { kind: 'reversal', reverses: 2 }), // 4: gives back 1 h of 2
		entry(ben, carla, 30) // 5: the case's exchange, settled between others
	];

	it('lists transfers between both parties and the exchange’s own, latest first', () => {
		const shown = caseTransfers(entries, ['anna', 'ben'], 5);
		expect(shown.map((t) => t.seq)).toEqual([5, 2]);
		expect(shown[1]).toMatchObject({ fromId: 'ben', toId: 'anna', reversedMinutes: 60 });
	});

	it('lists every transfer of a single party, never a reversal', () => {
		expect(caseTransfers(entries, ['anna'], null).map((t) => t.seq)).toEqual([3, 2, 1]);
		expect(caseTransfers(entries, ['anna'], null)[2]).toMatchObject({ fromId: null, toId: 'anna' });
	});

	it('shows only the latest thirty', () => {
		seq = 0;
		const many = Array.from({ length: 35 }, () => entry(ben, anna, 15));
		const shown = caseTransfers(many, ['anna', 'ben'], null);
		expect(shown).toHaveLength(30);
		expect(shown[0]!.seq).toBe(35);
		expect(shown.at(-1)!.seq).toBe(6);
	});
});
