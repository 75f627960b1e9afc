/**
 * Where the case is: on the map (CaseMap, the configured tile server) with the similar cases
 * around it (from /cases/:id/similar), or, when tiles cannot be had (offline, blocked), on a
 * local plan with a scale (PointPlan); always the address, the coordinates and a link to
 * OpenStreetMap.
 */
import { Link, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { PointPlan, type NearbyCase } from './PointPlan';
import { useSimilarCases } from './useCaseHelpers';

const CaseMap = lazy(() => import('./CaseMap'));
const RADIUS = 500; // metres searched for similar cases

export function LocationMap({ record }: { record: Record<string, any> }) {
  const translate = useTranslate();
  const hasPoint = typeof record.lat === 'number' && typeof record.lng === 'number';
  const { data: similar } = useSimilarCases(record.id, RADIUS, hasPoint);
  const [unavailable, setUnavailable] = useState(false);
  if (!hasPoint)
    return (
      <Typography color="text.secondary">
        {record.address ? `${record.address} — ` : ''}
        {translate('resources.cases.location.none')}
      </Typography>
    );
  const { lat, lng } = record as { lat: number; lng: number };
  const others = (similar ?? []).filter((c): c is NearbyCase => typeof c.lat === 'number' && typeof c.lng === 'number');
  const plan = <PointPlan lat={lat} lng={lng} others={others} radius={RADIUS} />;
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
  return (
    <Stack spacing={1} data-testid="location-map">
      {unavailable ? (
        plan
      ) : (
        <Suspense fallback={plan}>
          <CaseMap lat={lat} lng={lng} others={others} radius={RADIUS} onUnavailable={() => setUnavailable(true)} />
        </Suspense>
      )}
      <Typography variant="body2">
        {record.address && <>{record.address} · </>}
        {lat.toFixed(5)}, {lng.toFixed(5)}
      </Typography>
      {others.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          ● {translate('resources.cases.location.nearby')}: {others.map((c) => c.trackingCode).join(', ')}
        </Typography>
      )}
      <Link href={osm} target="_blank" rel="noopener noreferrer">
        {translate('resources.cases.location.open_map')}
      </Link>
    </Stack>
  );
}
