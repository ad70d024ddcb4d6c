// Coarse locations for listings. A listing is placed on a block (street section) of its
// quarter, and only the 250 m grid cell of that block is used for search and shown distances,
// so nobody's address can be worked out from a listing.

export const CELL_METERS = 250;
/** Distances shown to people are rounded to this step, and never below it. */
export const DISTANCE_STEP_METERS = 100;

export type Cell = { x: number; y: number };
export type GeoPoint = { lat: number; lon: number };

/** Centre of Germany. A quarter may pass its own origin; cells are only comparable when they
 * were made with the same origin. */
export const DEFAULT_ORIGIN: GeoPoint = { lat: 51, lon: 10 };

// Mean Earth radius (IUGG); a spherical model is far more precise than a 250 m grid needs.
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * Snaps a position to the 250 m grid cell that contains it. The projection is equirectangular
 * around the origin's latitude: within a city the distortion is well below one cell, and the
 * same input always gives the same cell, on every machine.
 */
export function cellOf(lat: number, lon: number, origin: GeoPoint = DEFAULT_ORIGIN): Cell {
	if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new RangeError(`bad latitude ${lat}`);
	if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
		throw new RangeError(`bad longitude ${lon}`);
	}
	const east = (lon - origin.lon) * METERS_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180);
	const north = (lat - origin.lat) * METERS_PER_DEGREE;
	// `+ 0` turns -0 into 0, so a key never reads "-0:…".
	return { x: Math.floor(east / CELL_METERS) + 0, y: Math.floor(north / CELL_METERS) + 0 };
}

/** The cell of a block (anything with lat/lon, e.g. a quarter's `Block`). */
export function blockCell(block: GeoPoint, origin: GeoPoint = DEFAULT_ORIGIN): Cell {
	return cellOf(block.lat, block.lon, origin);
}

export function cellKey(cell: Cell): string {
	return `${cell.x}:${cell.y}`;
}

/** Reads a key made by {@link cellKey}; null for anything else (it may come from stored data). */
export function parseCellKey(key: string): Cell | null {
	const match = /^(-?\d{1,9}):(-?\d{1,9})$/.exec(key);
	if (!match) return null;
	return { x: Number(match[1]) + 0, y: Number(match[2]) + 0 };
}

/** Distance between the centres of two cells: 0 within one cell, 250 to a side neighbour. */
export function distanceMeters(a: Cell, b: Cell): number {
	return Math.hypot(a.x - b.x, a.y - b.y) * CELL_METERS;
}

/** What people see: "ca. 300 m". Rounded to 100 m and never below 100 m, so "0 m" never
 * tells someone that a listing is in their own cell. */
export function roundedDistance(m: number): number {
	if (Number.isNaN(m)) throw new RangeError('distance is NaN');
	return Math.max(
		DISTANCE_STEP_METERS,
		Math.round(m / DISTANCE_STEP_METERS) * DISTANCE_STEP_METERS
	);
}
