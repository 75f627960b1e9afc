/**
 * Synthetic areas for geometry tests: squares on a 0.5° grid near Hà Tĩnh. Halves and quarters
 * of a degree are exact in binary, so "exactly on the border" really is on it. Positions are
 * GeoJSON [lng, lat].
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export const LNG = 105.5;
export const LAT = 18;

export function box(west: number, south: number, east: number, north: number): Position[] {
  return [
    [LNG + west, LAT + south],
    [LNG + east, LAT + south],
    [LNG + east, LAT + north],
    [LNG + west, LAT + north],
    [LNG + west, LAT + south],
  ];
}

export function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

export function multiPolygon(...polygons: Position[][][]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons };
}
