import { describe, expect, it } from 'vitest';
import { checkBlock, mergeBlocks, parseBlocksCsv } from './blocks';

describe('parseBlocksCsv', () => {
	it.each([
		['semicolons with decimal commas', 'name;lat;lng\nMarktplatz;52,37;9,73\n'],
		['commas with decimal points', 'name,lat,lng\nMarktplatz,52.37,9.73'],
		['no header, CRLF, BOM', '\uFEFFMarktplatz;52.37;9.73\r\n'],
		['quoted fields and lon header', '"name";"lat";"lon"\n"Marktplatz";"52,37";"9,73"']
	])('reads %s', (_, csv) => {
		expect(parseBlocksCsv(csv)).toEqual({
			ok: true,
			blocks: [{ id: 'marktplatz', name: 'Marktplatz', lat: 52.37, lon: 9.73 }]
		});
	});

	it('reports every bad line and returns no blocks', () => {
		expect(parseBlocksCsv('name;lat;lng\nA;1;2\nA;1;2\n;1;2\nB;91;2\nC;1;181\nD;1\nE;x;2')).toEqual(
			{
				ok: false,
				errors: [
					{ line: 3, problem: 'duplicate' },
					{ line: 4, problem: 'name_missing' },
					{ line: 5, problem: 'lat_invalid' },
					{ line: 6, problem: 'lng_invalid' },
					{ line: 7, problem: 'columns' },
					{ line: 8, problem: 'lat_invalid' }
				]
			}
		);
	});

	it('refuses an empty file', () => {
		expect(parseBlocksCsv('name;lat;lng\n\n')).toEqual({
			ok: false,
			errors: [{ line: 1, problem: 'empty' }]
		});
	});
});

describe('blocks', () => {
	it('checks a single block as typed into the form', () => {
		expect(checkBlock('  Lange   Straße ', '52.1', '9.2')).toEqual({
			ok: true,
			block: { id: 'lange-strasse', name: 'Lange Straße', lat: 52.1, lon: 9.2 }
		});
		expect(checkBlock('x'.repeat(81), '1', '1')).toEqual({ ok: false, problem: 'name_too_long' });
	});

	it('merges an import: same id replaced in place, new ones appended', () => {
		const a = { id: 'a', name: 'A', lat: 1, lon: 1 };
		const b = { id: 'b', name: 'B', lat: 2, lon: 2 };
		const a2 = { ...a, lat: 3 };
		const c = { id: 'c', name: 'C', lat: 4, lon: 4 };
		expect(mergeBlocks([a, b], [c, a2])).toEqual([a2, b, c]);
	});
});
