/**
 * Where the case is: a plan of the reported point and the similar cases around it (from
 * /cases/:id/similar), drawn locally in SVG — the CSP allows no third-party tiles and the
 * machines may be offline — with a scale and a link to OpenStreetMap for the full map.
 */
import { Box, Link, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useSimilarCases } from './useCaseHelpers';

const RADIUS = 500; // metres shown around the point
const SIZE = 240;

/** Metres east/north of the origin (equirectangular: exact enough for 500 m). */
function offset(lat0: number, lng0: number, lat: number, lng: number) {
  const r = 6_371_000;
  const x = ((lng - lng0) * Math.PI * r * Math.cos((lat0 * Math.PI) / 180)) / 180;
  const y = ((lat - lat0) * Math.PI * r) / 180;
  return { x, y };
}

export function LocationMap({ record }: { record: Record<string, any> }) {
  const translate = useTranslate();
  const hasPoint = typeof record.lat === 'number' && typeof record.lng === 'number';
  const { data: similar } = useSimilarCases(record.id, RADIUS, hasPoint);
  if (!hasPoint)
    return (
      <Typography color="text.secondary">
        {record.address ? `${record.address} — ` : ''}
        {translate('resources.cases.location.none')}
      </Typography>
    );
  const { lat, lng } = record as { lat: number; lng: number };
  const scale = SIZE / 2 / RADIUS;
  const others = (similar ?? []).filter((c) => typeof c.lat === 'number' && typeof c.lng === 'number');
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
  return (
    <Stack spacing={1} data-testid="location-map">
      <Box
        component="svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        sx={{ width: '100%', maxWidth: SIZE, bgcolor: '#eef3f7', borderRadius: 1 }}
      >
        <title>{translate('resources.cases.location.here')}</title>
        <circle cx={SIZE / 2} cy={SIZE / 2} r={SIZE / 2 - 2} fill="none" stroke="#b0bec5" strokeDasharray="4 4" />
        <line x1={SIZE / 2} y1={0} x2={SIZE / 2} y2={SIZE} stroke="#cfd8dc" />
        <line x1={0} y1={SIZE / 2} x2={SIZE} y2={SIZE / 2} stroke="#cfd8dc" />
        {others.map((c) => {
          const { x, y } = offset(lat, lng, c.lat, c.lng);
          return (
            <circle key={c.id} cx={SIZE / 2 + x * scale} cy={SIZE / 2 - y * scale} r={5} fill="#fb8c00">
              <title>{c.trackingCode}</title>
            </circle>
          );
        })}
        <circle cx={SIZE / 2} cy={SIZE / 2} r={7} fill="#d32f2f" stroke="#fff" strokeWidth={2} />
        <line x1={8} y1={SIZE - 10} x2={8 + 100 * scale} y2={SIZE - 10} stroke="#455a64" strokeWidth={2} />
        <text x={8} y={SIZE - 14} fontSize={10} fill="#455a64">
          100 m
        </text>
      </Box>
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
