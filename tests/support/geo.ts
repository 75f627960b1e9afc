/** GeoJSON areas for tests. */

/**
 * A square Polygon of `half` degrees either side of a point, its positions rounded to seven
 * decimals (about 1 cm), as surveyed boundaries come: PostgreSQL's jsonb gives them back exactly.
 */
export function square(lat: number, lng: number, half: number) {
  const r = (n: number) => Math.round(n * 1e7) / 1e7;
  const [west, east, south, north] = [r(lng - half), r(lng + half), r(lat - half), r(lat + half)];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}
