import { describe, expect, it } from 'vitest';
import { participationRows } from './participation';

describe('participationRows', () => {
	it('gives proposals, voters and their share, suppressing fewer than 5 voters', () => {
		const rows = participationRows([
			{ roundId: 'b', title: 'B', resultDay: '2026-11-01', proposals: 3, voters: 4, members: 10 },
			{ roundId: 'a', title: 'A', resultDay: '2026-05-01', proposals: 7, voters: 12, members: 48 }
		]);
		expect(rows).toEqual([
			{
				roundId: 'a',
				title: 'A',
				resultDay: '2026-05-01',
				proposals: 7,
				voters: { kind: 'value', value: 12 },
				share: { kind: 'value', value: 25 }
			},
			{
				roundId: 'b',
				title: 'B',
				resultDay: '2026-11-01',
				proposals: 3,
				voters: { kind: 'suppressed' },
				share: { kind: 'suppressed' }
			}
		]);
	});
});
