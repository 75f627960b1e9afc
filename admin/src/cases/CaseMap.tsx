/**
 * The case on the configured tile server (GET /api/v1/map-settings, the same tiles as the
 * citizens' portal): its point, the radius searched for similar cases, and those cases, each a
 * link to its page. Loaded on demand (Leaflet stays out of the other screens); when the settings
 * or the first tiles cannot be loaded it says so, and LocationMap draws the local plan instead.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Box } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useMapSettings } from '../common/useMapSettings';
import type { NearbyCase } from './PointPlan';

const CASE_ZOOM = 16;

export default function CaseMap({
  lat,
  lng,
  others,
  radius,
  onUnavailable,
}: {
  lat: number;
  lng: number;
  others: NearbyCase[];
  radius: number;
  onUnavailable(): void;
}) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  // The same cases in a new array (a refetch) are not a new map.
  const othersKey = others.map((o) => o.id).join();
  const settings = useMapSettings();

  useEffect(() => {
    if (settings.error) onUnavailable();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onUnavailable only sets state: any render's copy does
  }, [settings.error]);

  useEffect(() => {
    const s = settings.data;
    if (!s || !element.current) return;
    const map = L.map(element.current, { center: [lat, lng], zoom: Math.min(CASE_ZOOM, s.maxZoom) });
    let loaded = 0;
    L.tileLayer(s.tileUrl, {
      subdomains: s.subdomains,
      maxZoom: s.maxZoom,
      attribution: s.attribution,
      // The site sends no Referer (helmet's no-referrer); tile servers' policies want the origin.
      referrerPolicy: 'strict-origin-when-cross-origin',
    })
      .on('tileload', () => (loaded += 1))
      .on('tileerror', () => loaded === 0 && onUnavailable())
      .addTo(map);
    L.circle([lat, lng], { radius, color: '#78909c', weight: 1, dashArray: '4 4', fill: false }).addTo(map);
    for (const other of others)
      L.circleMarker([other.lat, other.lng], {
        radius: 7,
        color: '#fff',
        weight: 2,
        fillColor: '#fb8c00',
        fillOpacity: 1,
      })
        .bindTooltip(other.trackingCode)
        .on('click', () => navigate(`/cases/${other.id}/show`))
        .addTo(map);
    L.circleMarker([lat, lng], { radius: 9, color: '#fff', weight: 2, fillColor: '#d32f2f', fillOpacity: 1 })
      .bindTooltip(translate('resources.cases.location.here'))
      .addTo(map);
    return () => {
      map.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once per place and its cases; the callbacks are read when an event fires
  }, [settings.data, lat, lng, othersKey]);

  return (
    <Box
      ref={element}
      role="region"
      aria-label={translate('resources.cases.location.here')}
      data-testid="case-map"
      sx={{ width: '100%', height: 280, borderRadius: 1, zIndex: 0 }}
    />
  );
}
