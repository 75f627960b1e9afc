/**
 * A plan of the reported point and the similar cases around it, drawn locally in SVG with a
 * scale: what LocationMap shows when the tile server cannot be reached (offline, blocked).
 */
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const SIZE = 240;

export interface NearbyCase {
  id: string;
  trackingCode: string;
  lat: number;
  lng: number;
}

/** Metres east/north of the origin (equirectangular: exact enough for 500 m). */
function offset(lat0: number, lng0: number, lat: number, lng: number) {
  const r = 6_371_000;
  const x = ((lng - lng0) * Math.PI * r * Math.cos((lat0 * Math.PI) / 180)) / 180;
  const y = ((lat - lat0) * Math.PI * r) / 180;
  return { x, y };
}

export function PointPlan({
  lat,
  lng,
  others,
  radius,
}: {
  lat: number;
  lng: number;
  others: NearbyCase[];
  radius: number;
}) {
  const translate = useTranslate();
  const scale = SIZE / 2 / radius;
  return (
    <Box
      component="svg"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      sx={{ width: '100%', maxWidth: SIZE, bgcolor: '#eef3f7', borderRadius: 1 }}
      data-testid="point-plan"
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
  );
}
