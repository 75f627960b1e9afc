/**
 * The report form's map (loaded on demand): a draggable pin on the report's point. Tapping the
 * map or dragging the pin picks a point (`onPick`); a point set from outside (the latitude and
 * longitude inputs, "use my location") moves the pin and brings the map to it. Without tiles it
 * says so; the inputs beside it remain the primary, accessible way to give the point.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { L, pinIcon } from './base-map';
import { MapUnavailable } from './MapUnavailable';
import type { Point } from './point';
import { useBaseMap } from './useBaseMap';

/** How close a point set from outside is shown: streets and house numbers. */
const STREET_ZOOM = 16;

export default function PointPicker({ point, onPick }: { point: Point | undefined; onPick(point: Point): void }) {
  const { t } = useI18n();
  const { element, map, problem } = useBaseMap('mapPickerLabel');
  const pin = useRef<L.Marker>(null);
  /** The last point the map picked: when it comes back as `point`, the map is already there. */
  const picked = useRef<Point>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  function choose(latlng: L.LatLng) {
    const chosen = { lat: Number(latlng.lat.toFixed(6)), lng: Number(latlng.lng.toFixed(6)) };
    picked.current = chosen;
    pick.current(chosen);
  }

  useEffect(() => {
    if (!map) return;
    const onClick = (event: L.LeafletMouseEvent) => choose(event.latlng);
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      pin.current?.remove();
      pin.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    if (!point) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    if (pin.current) pin.current.setLatLng(point);
    else
      pin.current = L.marker(point, { icon: pinIcon('report'), draggable: true, title: t('mapPin') })
        .on('dragend', (event) => choose((event.target as L.Marker).getLatLng()))
        .addTo(map);
    const fromHere = picked.current?.lat === point.lat && picked.current?.lng === point.lng;
    if (!fromHere) map.setView(point, Math.max(map.getZoom(), STREET_ZOOM));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the pin moves when the coordinates change, not when a new object holds the same ones
  }, [map, point?.lat, point?.lng]);

  useEffect(() => {
    pin.current?.getElement()?.setAttribute('title', t('mapPin'));
  }, [t]);

  if (problem === 'settings') return <MapUnavailable message={t('mapTilesFailed')} />;
  return (
    <div className="map-block">
      <p id="map-picker-hint" className="hint">
        {t('mapPickerHint')}
      </p>
      <div ref={element} className="map-frame" data-testid="point-picker" aria-describedby="map-picker-hint" />
      {problem === 'tiles' && <MapUnavailable message={t('mapTilesFailed')} />}
    </div>
  );
}
