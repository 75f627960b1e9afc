/** A point on the map (WGS84), as the report form holds it in two text inputs. */
export interface Point {
  lat: number;
  lng: number;
}

/** The point the latitude and longitude inputs hold, when they hold a valid one. */
export function pointOf(lat: string, lng: string): Point | undefined {
  if (lat.trim() === '' || lng.trim() === '') return undefined;
  const point = { lat: Number(lat), lng: Number(lng) };
  const valid = Number.isFinite(point.lat) && Number.isFinite(point.lng);
  return valid && Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180 ? point : undefined;
}
