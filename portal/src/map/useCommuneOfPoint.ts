import { useEffect, useState } from 'react';
import { api, ApiError, type Commune } from '../api';
import type { Point } from './point';

/** Waits for the typing or the dragging to stop before the commune of the point is asked for. */
const LOCATE_DEBOUNCE_MS = 400;

/**
 * The commune of the form's point (GET /api/v1/communes/locate): its code and full name, 'none'
 * when no single commune contains it, undefined while unknown (no point, or no connection).
 */
export function useCommuneOfPoint(point: Point | undefined, language: string) {
  const [found, setFound] = useState<{ code: string; fullName: string } | 'none'>();
  useEffect(() => {
    // The last answer stays until the next one: no flicker, no extra announcement while dragging.
    if (!point) return setFound(undefined);
    let live = true;
    const timer = setTimeout(() => {
      api<{ commune: Commune }>(`/communes/locate?lat=${point.lat}&lng=${point.lng}`).then(
        ({ commune }) => live && setFound(commune),
        (error: unknown) =>
          live && setFound(error instanceof ApiError && error.code === 'COMMUNE_NOT_LOCATED' ? 'none' : undefined),
      );
    }, LOCATE_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again when the coordinates change, not when a new object holds the same ones
  }, [point?.lat, point?.lng, language]);
  return found;
}
