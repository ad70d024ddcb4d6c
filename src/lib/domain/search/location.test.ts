import { describe, expect, it } from 'vitest';
import {
	blockCell,
	CELL_METERS,
	cellKey,
	cellOf,
	DEFAULT_ORIGIN,
	distanceMeters,
	parseCellKey,
	roundedDistance,
	type Cell,
	type GeoPoint
} from './location';

// A quarter in Leipzig as its own origin.
const origin: GeoPoint = { lat: 51.34, lon: 12.37 };
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const north = (m: number) => m / METERS_PER_DEGREE;
const east = (m: number) => m / (METERS_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180));

describe('cellOf', () => {
	it(`is ${CELL_METERS} m`, () => {
		expect(CELL_METERS).toBe(250);
	});

	it.each<[string, number, number, Cell]>([
		['the origin', 0, 0, { x: 0, y: 0 }],
		['10 m north-east', 10, 10, { x: 0, y: 0 }],
		['240 m east', 0, 240, { x: 0, y: 0 }],
		['260 m east', 0, 260, { x: 1, y: 0 }],
		['260 m north', 260, 0, { x: 0, y: 1 }],
		['10 m south-west', -10, -10, { x: -1, y: -1 }],
		['1 km north, 510 m west', 1000 + 10, -510, { x: -3, y: 4 }]
	])('puts %s in the right cell', (_name, northMeters, eastMeters, expected) => {
		const cell = cellOf(origin.lat + north(northMeters), origin.lon + east(eastMeters), origin);
		expect(cell).toEqual(expected);
	});

	it('is deterministic and gives the same cell for the same block', () => {
		const block = { id: 'b1', name: 'Karl-Heine-Straße 1–20', lat: 51.3328, lon: 12.3368 };
		expect(blockCell(block, origin)).toEqual(cellOf(block.lat, block.lon, origin));
		expect(cellOf(block.lat, block.lon, origin)).toEqual(cellOf(block.lat, block.lon, origin));
	});

	it('uses the centre of Germany without an origin', () => {
		expect(cellOf(DEFAULT_ORIGIN.lat, DEFAULT_ORIGIN.lon)).toEqual({ x: 0, y: 0 });
		const far = cellOf(52.52, 13.405);
		expect(Number.isInteger(far.x) && Number.isInteger(far.y)).toBe(true);
	});

	it('never returns -0', () => {
		const cell = cellOf(origin.lat, origin.lon, origin);
		expect(Object.is(cell.x, -0) || Object.is(cell.y, -0)).toBe(false);
	});

	it.each<[number, number]>([
		[Number.NaN, 12],
		[51, Number.NaN],
		[91, 12],
		[51, 181],
		[Number.POSITIVE_INFINITY, 12]
	])('rejects lat %d lon %d', (lat, lon) => {
		expect(() => cellOf(lat, lon)).toThrow(RangeError);
	});
});

describe('cellKey and parseCellKey', () => {
	it.each<[Cell, string]>([
		[{ x: 0, y: 0 }, '0:0'],
		[{ x: 12, y: -3 }, '12:-3'],
		[{ x: -250, y: 7 }, '-250:7']
	])('%o <-> %s', (cell, key) => {
		expect(cellKey(cell)).toBe(key);
		expect(parseCellKey(key)).toEqual(cell);
	});

	it('reads -0 as 0', () => {
		expect(Object.is(parseCellKey('-0:0')?.x, 0)).toBe(true);
	});

	it.each(['', '1', '1:', ':1', '1:2:3', '1.5:2', 'a:b', ' 1:2', '1:2 ', '+1:2', '1234567890:1'])(
		'rejects %j',
		(key) => {
			expect(parseCellKey(key)).toBeNull();
		}
	);
});

describe('distanceMeters', () => {
	it.each<[Cell, Cell, number]>([
		[{ x: 0, y: 0 }, { x: 0, y: 0 }, 0],
		[{ x: 0, y: 0 }, { x: 1, y: 0 }, 250],
		[{ x: 0, y: 0 }, { x: 0, y: -1 }, 250],
		[{ x: 0, y: 0 }, { x: 3, y: 4 }, 1250],
		[{ x: -2, y: 5 }, { x: 1, y: 1 }, 1250]
	])('%o to %o is %d m', (a, b, expected) => {
		expect(distanceMeters(a, b)).toBeCloseTo(expected, 9);
		expect(distanceMeters(b, a)).toBeCloseTo(expected, 9);
	});
});

describe('roundedDistance', () => {
	it.each<[number, number]>([
		[0, 100],
		[-5, 100],
		[49, 100],
		[149, 100],
		[150, 200],
		[250, 300],
		[353.55, 400],
		[1250, 1300],
		[10_049, 10_000]
	])('%d m -> ca. %d m', (m, expected) => {
		expect(roundedDistance(m)).toBe(expected);
	});

	it('rejects NaN', () => {
		expect(() => roundedDistance(Number.NaN)).toThrow(RangeError);
	});
});
