/**
 * The province's bounding box: a report's point must fall in it (issue 14). Paris, or 0,0 (a
 * phone without a fix), is never a place in Hà Tĩnh, and a case routed from it would go nowhere.
 * A box, not the boundary: the communes' boundaries say which commune, this only says "here at all".
 */
export interface ProvinceBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Hà Tĩnh spans about 17.90–18.85° N and 105.10–106.55° E (its border with Lao in the west, the
 * sea and Hòn Sơn Dương in the east); 0.05° (about 5 km) more on every side, so a point taken on
 * the border or off the coast is never refused.
 */
export const HA_TINH_BOUNDS: ProvinceBounds = { west: 105.05, south: 17.85, east: 106.6, north: 18.9 };

export function containsPoint(bounds: ProvinceBounds, lat: number, lng: number): boolean {
  return lat >= bounds.south && lat <= bounds.north && lng >= bounds.west && lng <= bounds.east;
}

/** "west,south,east,north", GeoJSON's bbox order, as PROVINCE_BOUNDS is written. */
export function parseBounds(text: string): ProvinceBounds | undefined {
  const numbers = text.split(',').map((n) => (n.trim() === '' ? Number.NaN : Number(n)));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [west, south, east, north] = numbers as [number, number, number, number];
  const valid = -180 <= west && west < east && east <= 180 && -90 <= south && south < north && north <= 90;
  return valid ? { west, south, east, north } : undefined;
}

export function formatBounds(bounds: ProvinceBounds): string {
  return [bounds.west, bounds.south, bounds.east, bounds.north].join(',');
}
