/**
 * Where the caller says the problem is: a click on the map (the configured tile server, as on the
 * case page) puts the point into the form's lat/lng; typed coordinates move the marker. Loaded on
 * demand, so Leaflet stays out of the other screens. When no tile can be loaded the map still
 * takes clicks, and a note asks for the coordinates or the address instead.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Alert, Box } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useMapSettings } from '../common/useMapSettings';

/** Six decimals: about 10 cm, more than a caller can say. */
const rounded = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

export default function IntakeMap() {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const [lat, lng] = useWatch({ name: ['lat', 'lng'] }) as [unknown, unknown];
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const settings = useMapSettings();

  useEffect(() => {
    const s = settings.data;
    if (!s || !element.current) return;
    const created = L.map(element.current, { center: s.center, zoom: Math.min(s.zoom, s.maxZoom) });
    let loaded = 0;
    L.tileLayer(s.tileUrl, {
      subdomains: s.subdomains,
      maxZoom: s.maxZoom,
      attribution: s.attribution,
      referrerPolicy: 'strict-origin-when-cross-origin',
    })
      .on('tileload', () => (loaded += 1))
      .on('tileerror', () => loaded === 0 && setTilesFailed(true))
      .addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) => {
      const options = { shouldDirty: true, shouldValidate: true };
      setValue('lat', rounded(event.latlng.lat), options);
      setValue('lng', rounded(event.latlng.lng), options);
    });
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      marker.current = null;
    };
  }, [settings.data, setValue]);

  // The marker follows the form, whether the point was clicked or typed.
  useEffect(() => {
    const current = map.current;
    if (!current) return;
    marker.current?.remove();
    marker.current = null;
    if (typeof lat !== 'number' || typeof lng !== 'number') return;
    marker.current = L.circleMarker([lat, lng], {
      radius: 9,
      color: '#fff',
      weight: 2,
      fillColor: '#d32f2f',
      fillOpacity: 1,
    }).addTo(current);
  }, [lat, lng, settings.data]);

  return (
    <Box sx={{ width: '100%' }}>
      {(tilesFailed || settings.error) && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="intake-map-unavailable">
          {translate('resources.intake.map_unavailable')}
        </Alert>
      )}
      <Box
        ref={element}
        role="region"
        aria-label={translate('resources.intake.location')}
        data-testid="intake-map"
        sx={{ width: '100%', height: 320, borderRadius: 1, zIndex: 0, cursor: 'crosshair' }}
      />
    </Box>
  );
}
