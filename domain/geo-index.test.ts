import fc from 'fast-check';
import { type AreaGeometry, InvalidAreaGeometryError, createPolygonIndex, findAreaGeometryProblem } from './geo-index';
import { LNG, LAT, box, polygon, multiPolygon } from './synthetic-areas.fixture';

function at(x: number, y: number): { lat: number; lng: number } {
  return { lng: LNG + x, lat: LAT + y };
}

describe('createPolygonIndex', () => {
  // West and east: two unit squares sharing the border x = 1.
  const west = polygon(box(0, 0, 1, 1));
  const east = polygon(box(1, 0, 2, 1));
  const index = createPolygonIndex([
    { value: 'west', geometry: west },
    { value: 'east', geometry: east },
  ]);

  it('finds the one area that contains a point', () => {
    expect(index.containing(at(0.5, 0.5))).toEqual(['west']);
    expect(index.containing(at(1.5, 0.25))).toEqual(['east']);
  });

  it('finds nothing for a point outside every area', () => {
    expect(index.containing(at(3, 3))).toEqual([]);
    expect(index.containing(at(0.5, 1.25))).toEqual([]);
  });

  it('counts the boundary as inside: a point on the shared border is in both areas', () => {
    expect(index.containing(at(1, 0.5))).toEqual(['west', 'east']);
    expect(index.containing(at(0, 0))).toEqual(['west']);
  });

  it('finds all four areas that meet at a corner', () => {
    const quarters = createPolygonIndex([
      { value: 'sw', geometry: polygon(box(0, 0, 1, 1)) },
      { value: 'se', geometry: polygon(box(1, 0, 2, 1)) },
      { value: 'nw', geometry: polygon(box(0, 1, 1, 2)) },
      { value: 'ne', geometry: polygon(box(1, 1, 2, 2)) },
    ]);
    expect(quarters.containing(at(1, 1))).toEqual(['sw', 'se', 'nw', 'ne']);
  });

  it('returns values in entry order, whatever the tree order', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ value: i, geometry: polygon(box(0, 0, 1 + i / 64, 1)) }));
    const reversed = createPolygonIndex([...many].reverse());
    expect(createPolygonIndex(many).containing(at(0.5, 0.5))).toEqual(many.map((entry) => entry.value));
    expect(reversed.containing(at(0.5, 0.5))).toEqual(many.map((entry) => entry.value).reverse());
  });

  it('supports any value type', () => {
    const rule = { id: 'r1', unitId: 'SXD' };
    expect(createPolygonIndex([{ value: rule, geometry: west }]).containing(at(0.5, 0.5))).toEqual([rule]);
  });

  describe('holes', () => {
    // A 3x3 square with a 1x1 hole in the middle.
    const ringArea = createPolygonIndex([{ value: 'ring', geometry: polygon(box(0, 0, 3, 3), box(1, 1, 2, 2)) }]);

    it('excludes a point in a hole', () => {
      expect(ringArea.containing(at(1.5, 1.5))).toEqual([]);
    });
    it('includes a point between the outer ring and the hole', () => {
      expect(ringArea.containing(at(0.5, 1.5))).toEqual(['ring']);
    });
    it("includes a point on the hole's edge (the hole's edge is the area's boundary)", () => {
      expect(ringArea.containing(at(1, 1.5))).toEqual(['ring']);
    });
    it('lets an area inside the hole take the points there', () => {
      const withIsland = createPolygonIndex([
        { value: 'ring', geometry: polygon(box(0, 0, 3, 3), box(1, 1, 2, 2)) },
        { value: 'island', geometry: polygon(box(1, 1, 2, 2)) },
      ]);
      expect(withIsland.containing(at(1.5, 1.5))).toEqual(['island']);
      expect(withIsland.containing(at(2, 1.5))).toEqual(['ring', 'island']);
    });
  });

  describe('MultiPolygons', () => {
    // Two parts far apart: a commune on the mainland and its island.
    const commune = multiPolygon([box(0, 0, 1, 1)], [box(4, 0, 5, 1)]);
    const index = createPolygonIndex([{ value: 'commune', geometry: commune }]);

    it('finds a point in any part', () => {
      expect(index.containing(at(0.5, 0.5))).toEqual(['commune']);
      expect(index.containing(at(4.5, 0.5))).toEqual(['commune']);
    });
    it('finds nothing between the parts', () => {
      expect(index.containing(at(2.5, 0.5))).toEqual([]);
    });
    it('returns an area once when the point is on the border of two of its parts', () => {
      const touching = createPolygonIndex([
        { value: 'commune', geometry: multiPolygon([box(0, 0, 1, 1)], [box(1, 0, 2, 1)]) },
      ]);
      expect(touching.containing(at(1, 0.5))).toEqual(['commune']);
    });
    it('supports holes in a part', () => {
      const holed = createPolygonIndex([
        { value: 'c', geometry: multiPolygon([box(0, 0, 3, 3), box(1, 1, 2, 2)], [box(4, 0, 5, 1)]) },
      ]);
      expect(holed.containing(at(1.5, 1.5))).toEqual([]);
      expect(holed.containing(at(0.5, 0.5))).toEqual(['c']);
    });
  });

  it('uses the exact shape, not the bounding box: a point in the notch of an L is outside', () => {
    const lShape = polygon([
      [LNG + 0, LAT + 0],
      [LNG + 2, LAT + 0],
      [LNG + 2, LAT + 1],
      [LNG + 1, LAT + 1],
      [LNG + 1, LAT + 2],
      [LNG + 0, LAT + 2],
      [LNG + 0, LAT + 0],
    ]);
    const index = createPolygonIndex([{ value: 'L', geometry: lShape }]);
    expect(index.containing(at(1.5, 1.5))).toEqual([]);
    expect(index.containing(at(0.5, 1.5))).toEqual(['L']);
  });

  it('accepts clockwise rings and positions with an altitude', () => {
    const clockwise = polygon([...box(0, 0, 1, 1)].reverse().map(([lng, lat]) => [lng ?? 0, lat ?? 0, 12]));
    expect(createPolygonIndex([{ value: 'cw', geometry: clockwise }]).containing(at(0.5, 0.5))).toEqual(['cw']);
  });

  it('contains nothing when it is empty', () => {
    expect(createPolygonIndex<string>([]).containing(at(0.5, 0.5))).toEqual([]);
  });

  it('puts a point that is not a pair of finite numbers in no area', () => {
    expect(index.containing({ lat: Number.NaN, lng: LNG + 0.5 })).toEqual([]);
    expect(index.containing({ lat: LAT + 0.5, lng: Number.POSITIVE_INFINITY })).toEqual([]);
  });

  it("is not affected by later changes to the caller's geometry", () => {
    const geometry = polygon(box(0, 0, 1, 1));
    const snapshot = createPolygonIndex([{ value: 'a', geometry }]);
    geometry.coordinates = [box(5, 5, 6, 6)];
    expect(snapshot.containing(at(0.5, 0.5))).toEqual(['a']);
    expect(snapshot.containing(at(5.5, 5.5))).toEqual([]);
  });

  it('agrees with plain rectangle arithmetic for random rectangles and points (property)', () => {
    const quarter = fc.integer({ min: 0, max: 16 }).map((n) => n / 4);
    const rectangle = fc
      .tuple(quarter, quarter, quarter, quarter)
      .filter(([x1, y1, x2, y2]) => x1 !== x2 && y1 !== y2)
      .map(([x1, y1, x2, y2]) => ({
        west: Math.min(x1, x2),
        south: Math.min(y1, y2),
        east: Math.max(x1, x2),
        north: Math.max(y1, y2),
      }));
    fc.assert(
      fc.property(
        fc.array(rectangle, { maxLength: 30 }),
        fc.array(fc.tuple(quarter, quarter), { minLength: 1, maxLength: 20 }),
        (rectangles, points) => {
          const index = createPolygonIndex(
            rectangles.map((r, i) => ({ value: i, geometry: polygon(box(r.west, r.south, r.east, r.north)) })),
          );
          for (const [x, y] of points) {
            const expected = rectangles.flatMap((r, i) =>
              r.west <= x && x <= r.east && r.south <= y && y <= r.north ? [i] : [],
            );
            expect(index.containing(at(x, y))).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('invalid geometry', () => {
  const valid = polygon(box(0, 0, 1, 1));

  function buildWith(geometry: unknown, label?: string): () => unknown {
    // The admin's data arrives as JSON: the index must survive whatever shape it has.
    const entries = [
      { value: 'fine', geometry: valid },
      { value: 'broken', geometry: geometry as AreaGeometry, ...(label === undefined ? {} : { label }) },
    ];
    return () => createPolygonIndex(entries);
  }

  it('fails at build time naming the entry by its label and position', () => {
    const notClosed = polygon(
      box(0, 0, 1, 1)
        .slice(0, 4)
        .concat([[LNG + 0.5, LAT + 0.5]]),
    );
    expect(buildWith(notClosed, 'rule-drainage-7')).toThrow(InvalidAreaGeometryError);
    expect(buildWith(notClosed, 'rule-drainage-7')).toThrow(
      'Area "rule-drainage-7" (entry 1) has an invalid geometry: ring 0 of polygon 0 is not closed',
    );
    expect(buildWith(notClosed)).toThrow('Area entry 1 has an invalid geometry');
  });

  it('carries the entry and a structured problem for the caller to report', () => {
    try {
      buildWith(polygon(box(0, 0, 1, 1), box(0.25, 0.25, 0.5, 0.5).slice(0, 3)), 'r9')();
      throw new Error('expected the build to fail');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAreaGeometryError);
      const invalid = error as InvalidAreaGeometryError;
      expect(invalid.entryIndex).toBe(1);
      expect(invalid.label).toBe('r9');
      expect(invalid.problem).toEqual({ code: 'ring_too_short', polygon: 0, ring: 1 });
    }
  });

  it.each<[string, unknown, unknown]>([
    ['null', null, { code: 'not_an_area' }],
    ['a Point', { type: 'Point', coordinates: [LNG, LAT] }, { code: 'not_an_area' }],
    ['a Polygon without coordinates', { type: 'Polygon' }, { code: 'not_an_area' }],
    [
      'a Feature rather than its geometry',
      { type: 'Feature', geometry: valid, properties: {} },
      { code: 'not_an_area' },
    ],
    ['an empty MultiPolygon', multiPolygon(), { code: 'no_polygons' }],
    ['a Polygon without rings', polygon(), { code: 'polygon_without_rings', polygon: 0 }],
    [
      'a MultiPolygon part without rings',
      multiPolygon([box(0, 0, 1, 1)], []),
      { code: 'polygon_without_rings', polygon: 1 },
    ],
    [
      'a ring of three positions',
      polygon(box(0, 0, 1, 1).slice(0, 3)),
      { code: 'ring_too_short', polygon: 0, ring: 0 },
    ],
    ['an open ring', polygon(box(0, 0, 1, 1).slice(0, 4)), { code: 'ring_not_closed', polygon: 0, ring: 0 }],
    [
      'a NaN coordinate',
      polygon([...box(0, 0, 1, 1).slice(0, 2), [Number.NaN, LAT], ...box(0, 0, 1, 1).slice(3)]),
      { code: 'invalid_position', polygon: 0, ring: 0, position: 2 },
    ],
    [
      'a coordinate given as text',
      { type: 'Polygon', coordinates: [[['105.5', '18'], ...box(0, 0, 1, 1).slice(1)]] },
      { code: 'invalid_position', polygon: 0, ring: 0, position: 0 },
    ],
    [
      'a position with one number',
      polygon([[LNG], ...box(0, 0, 1, 1).slice(1)]),
      { code: 'invalid_position', polygon: 0, ring: 0, position: 0 },
    ],
    [
      '[lat, lng] instead of [lng, lat]',
      polygon(box(0, 0, 1, 1).map(([lng, lat]) => [lat ?? 0, lng ?? 0])),
      { code: 'position_out_of_range', polygon: 0, ring: 0, position: 0 },
    ],
  ])('rejects %s', (_name, geometry, problem) => {
    expect(findAreaGeometryProblem(geometry)).toEqual(problem);
    expect(buildWith(geometry)).toThrow(InvalidAreaGeometryError);
  });

  it('finds no problem in a valid Polygon or MultiPolygon', () => {
    expect(findAreaGeometryProblem(valid)).toBeNull();
    expect(findAreaGeometryProblem(multiPolygon([box(0, 0, 3, 3), box(1, 1, 2, 2)], [box(4, 0, 5, 1)]))).toBeNull();
  });
});
