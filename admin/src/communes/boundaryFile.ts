/** Reading a GeoJSON file an administrator picked, and what a boundary amounts to, for the screens. */

export async function readJsonFile(file: File): Promise<unknown> {
  return JSON.parse(await file.text());
}

export interface BoundarySummary {
  type: string;
  polygons: number;
  points: number;
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: [number, number, number, number] | null;
}

/** Polygons, points and extent of a Polygon or MultiPolygon (null for anything else). */
export function summarizeBoundary(boundary: unknown): BoundarySummary | null {
  const g = boundary as { type?: string; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) return null;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  let points = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [lng, lat] of ring) {
        points++;
        box[0] = Math.min(box[0]!, lng!);
        box[1] = Math.min(box[1]!, lat!);
        box[2] = Math.max(box[2]!, lng!);
        box[3] = Math.max(box[3]!, lat!);
      }
  return { type: g.type, polygons: polygons.length, points, bbox: points ? (box as BoundarySummary['bbox']) : null };
}
