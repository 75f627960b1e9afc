/**
 * Which areas contain a point? A static index over GeoJSON Polygon and MultiPolygon areas:
 * routing-rule boundaries, and commune boundaries to derive a report's commune from its point.
 *
 * Built once, queried for every report. Two stages: a flatbush R-tree over the bounding box of
 * every polygon (each part of a MultiPolygon on its own, so a commune with islands is not one
 * huge box) narrows the candidates; an exact point-in-polygon test (turf, robust predicates)
 * decides.
 *
 * Conventions:
 * - Positions are GeoJSON's [lng, lat]; query points are { lat, lng }, as reports carry them.
 * - A point on an area's boundary is inside it, a hole's edge included. A point on the border of
 *   two adjacent areas is therefore in both, and the caller decides (routing hands such a tie to
 *   an operator).
 * - Geometry is plane geometry on degrees: exact enough at a province's scale. Areas must not
 *   cross the antimeridian.
 * - Results come in the order the entries were given, whatever the tree's internal order, so a
 *   caller gets the same answer for the same data.
 * - Geometry is validated when the index is built, so an administrator's drawing error fails
 *   loudly there, naming the entry, rather than misplacing reports later. The coordinates are
 *   copied, so later changes to the caller's objects cannot set the tree and the exact test apart.
 * - A query point that is not a pair of finite numbers is in no area: a report with a broken
 *   location is still routed by its other attributes.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;

export interface LatLng {
  lat: number;
  lng: number;
}

export interface PolygonIndexEntry<T> {
  value: T;
  geometry: AreaGeometry;
  /** Names the entry in errors (a rule id, a commune code); its position is used otherwise. */
  label?: string;
}

export interface PolygonIndex<T> {
  /** The values of the entries whose area contains the point (boundary included), in entry order. */
  containing(point: LatLng): T[];
}

/** What is wrong with an area's geometry; indexes locate it (polygon of a MultiPolygon, ring, position). */
export type AreaGeometryProblem =
  | { code: 'not_an_area' }
  | { code: 'no_polygons' }
  | { code: 'polygon_without_rings'; polygon: number }
  | { code: 'ring_too_short'; polygon: number; ring: number }
  | { code: 'ring_not_closed'; polygon: number; ring: number }
  | { code: 'invalid_position'; polygon: number; ring: number; position: number }
  | { code: 'position_out_of_range'; polygon: number; ring: number; position: number };

export class InvalidAreaGeometryError extends Error {
  override readonly name = 'InvalidAreaGeometryError';

  constructor(
    readonly entryIndex: number,
    readonly label: string | undefined,
    readonly problem: AreaGeometryProblem,
  ) {
    const entry = label === undefined ? `entry ${entryIndex}` : `"${label}" (entry ${entryIndex})`;
    super(`Area ${entry} has an invalid geometry: ${describeProblem(problem)}`);
  }
}

/**
 * Checks a geometry as an administrator might have saved it (hence `unknown`); null when it is a
 * usable area. For the admin API to refuse a bad boundary on save, with the same rules the index
 * applies when it is built.
 */
export function findAreaGeometryProblem(geometry: unknown): AreaGeometryProblem | null {
  const read = readArea(geometry);
  return read.ok ? null : read.problem;
}

export function createPolygonIndex<T>(entries: readonly PolygonIndexEntry<T>[]): PolygonIndex<T> {
  const polygons = entries.flatMap((entry, entryIndex) => indexablePolygons(entry, entryIndex));
  // flatbush refuses to be built empty; an index of nothing contains nothing.
  if (polygons.length === 0) return { containing: () => [] };

  const tree = new Flatbush(polygons.length);
  for (const { bounds } of polygons) tree.add(bounds.minLng, bounds.minLat, bounds.maxLng, bounds.maxLat);
  tree.finish();

  return {
    containing(point: LatLng): T[] {
      if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return [];
      const position = [point.lng, point.lat];
      // An entry can be found twice: two parts of a MultiPolygon touching at the point.
      const found = new Map<number, T>();
      for (const candidate of tree.search(point.lng, point.lat, point.lng, point.lat)) {
        const polygon = polygons[candidate];
        if (polygon === undefined || found.has(polygon.entryIndex)) continue;
        if (booleanPointInPolygon(position, polygon.geometry)) found.set(polygon.entryIndex, polygon.value);
      }
      return [...found.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
    },
  };
}

/* Reading and validating geometry */

type Ring = [number, number][];
/** An outer ring followed by its holes. */
type PolygonRings = Ring[];

interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

interface IndexedPolygon<T> {
  entryIndex: number;
  value: T;
  geometry: Polygon;
  bounds: Bounds;
}

type ReadResult<V> = { ok: true; value: V } | { ok: false; problem: AreaGeometryProblem };

function indexablePolygons<T>(entry: PolygonIndexEntry<T>, entryIndex: number): IndexedPolygon<T>[] {
  const read = readArea(entry.geometry);
  if (!read.ok) throw new InvalidAreaGeometryError(entryIndex, entry.label, read.problem);
  return read.value.map((rings) => ({
    entryIndex,
    value: entry.value,
    geometry: { type: 'Polygon', coordinates: rings },
    // Over all rings, not just the outer one: the exact test counts crossings of every ring, so
    // the box must cover whatever it can call inside.
    bounds: boundsOf(rings.flat()),
  }));
}

function readArea(geometry: unknown): ReadResult<PolygonRings[]> {
  if (!isRecord(geometry)) return failure({ code: 'not_an_area' });
  const { type, coordinates } = geometry;
  if (!Array.isArray(coordinates)) return failure({ code: 'not_an_area' });
  if (type === 'Polygon') return readPolygons([coordinates]);
  if (type === 'MultiPolygon') return readPolygons(coordinates);
  return failure({ code: 'not_an_area' });
}

function readPolygons(polygons: unknown[]): ReadResult<PolygonRings[]> {
  if (polygons.length === 0) return failure({ code: 'no_polygons' });
  const result: PolygonRings[] = [];
  for (const [polygon, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || rings.length === 0) return failure({ code: 'polygon_without_rings', polygon });
    const polygonRings: PolygonRings = [];
    for (const [ring, positions] of rings.entries()) {
      const read = readRing(positions, polygon, ring);
      if (!read.ok) return read;
      polygonRings.push(read.value);
    }
    result.push(polygonRings);
  }
  return { ok: true, value: result };
}

/** A ring is closed and has at least four positions (a triangle), as GeoJSON (RFC 7946) requires. */
function readRing(positions: unknown, polygon: number, ring: number): ReadResult<Ring> {
  if (!Array.isArray(positions) || positions.length < 4) return failure({ code: 'ring_too_short', polygon, ring });
  const result: Ring = [];
  for (const [position, value] of positions.entries()) {
    const read = readPosition(value);
    if (typeof read === 'string') return failure({ code: read, polygon, ring, position });
    result.push(read);
  }
  const first = result[0];
  const last = result[result.length - 1];
  if (first === undefined || last === undefined || first[0] !== last[0] || first[1] !== last[1]) {
    return failure({ code: 'ring_not_closed', polygon, ring });
  }
  return { ok: true, value: result };
}

/**
 * Keeps [lng, lat] and drops any altitude. The range check catches the usual slip of writing
 * [lat, lng]: Hà Tĩnh's longitude, about 105-106, is not a latitude.
 */
function readPosition(value: unknown): [number, number] | 'invalid_position' | 'position_out_of_range' {
  if (!Array.isArray(value) || value.length < 2) return 'invalid_position';
  const [lng, lat]: unknown[] = value;
  if (typeof lng !== 'number' || typeof lat !== 'number') return 'invalid_position';
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return 'invalid_position';
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return 'position_out_of_range';
  return [lng, lat];
}

function boundsOf(positions: Ring): Bounds {
  const bounds = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const [lng, lat] of positions) {
    bounds.minLng = Math.min(bounds.minLng, lng);
    bounds.minLat = Math.min(bounds.minLat, lat);
    bounds.maxLng = Math.max(bounds.maxLng, lng);
    bounds.maxLat = Math.max(bounds.maxLat, lat);
  }
  return bounds;
}

function failure(problem: AreaGeometryProblem): { ok: false; problem: AreaGeometryProblem } {
  return { ok: false, problem };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describeProblem(problem: AreaGeometryProblem): string {
  switch (problem.code) {
    case 'not_an_area':
      return 'not a GeoJSON Polygon or MultiPolygon';
    case 'no_polygons':
      return 'it has no polygon';
    case 'polygon_without_rings':
      return `polygon ${problem.polygon} has no ring`;
    case 'ring_too_short':
      return `ring ${problem.ring} of polygon ${problem.polygon} has fewer than 4 positions`;
    case 'ring_not_closed':
      return `ring ${problem.ring} of polygon ${problem.polygon} is not closed (its first and last positions differ)`;
    case 'invalid_position':
      return `position ${problem.position} of ring ${problem.ring} of polygon ${problem.polygon} is not a pair of finite numbers`;
    case 'position_out_of_range':
      return `position ${problem.position} of ring ${problem.ring} of polygon ${problem.polygon} is not a [longitude, latitude] (out of range; swapped?)`;
  }
}
