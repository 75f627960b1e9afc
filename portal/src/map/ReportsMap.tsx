/**
 * The public map's Leaflet part (loaded on demand): one pin per published report that has a
 * point, a popup with its category, status, date and a link to its page, and the visible area
 * reported back (`onArea`, debounced) so the page reloads the reports of that area. The page's
 * list shows the same reports for everyone who does not use the map.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseView } from '../api';
import { formatDate, useI18n } from '../i18n';
import { L, pinIcon } from './base-map';
import { MapUnavailable } from './MapUnavailable';
import { useBaseMap } from './useBaseMap';

/** Waits for the map to stop moving before the reports of the new area are asked for. */
const AREA_DEBOUNCE_MS = 400;

/** bbox=minLng,minLat,maxLng,maxLat as the feed takes it, kept inside the world (zoomed out, Leaflet is not). */
function bboxOf(bounds: L.LatLngBounds): string {
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value)).toFixed(5);
  return [
    clamp(bounds.getWest(), 180),
    clamp(bounds.getSouth(), 90),
    clamp(bounds.getEast(), 180),
    clamp(bounds.getNorth(), 90),
  ].join(',');
}

export default function ReportsMap({ reports, onArea }: { reports: CaseView[]; onArea(bbox: string): void }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { element, map, problem } = useBaseMap('mapLabel');
  const [pins, setPins] = useState<L.LayerGroup>();
  const area = useRef(onArea);
  area.current = onArea;

  useEffect(() => {
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = () => {
      clearTimeout(timer);
      timer = setTimeout(() => area.current(bboxOf(map.getBounds())), AREA_DEBOUNCE_MS);
    };
    map.on('moveend', moved);
    area.current(bboxOf(map.getBounds()));
    const layer = L.layerGroup().addTo(map);
    setPins(layer);
    return () => {
      clearTimeout(timer);
      map.off('moveend', moved);
      layer.remove();
      setPins(undefined);
    };
  }, [map]);

  useEffect(() => {
    if (!pins) return;
    pins.clearLayers();
    for (const report of reports) {
      const { lat, lng } = report.location ?? {};
      if (lat == null || lng == null) continue;
      const title = `${report.category?.name ?? report.trackingCode}: ${report.statusLabel}`;
      const marker = L.marker([lat, lng], { icon: pinIcon('published'), title })
        // Clear of the zoom buttons when the map pans to show the popup.
        .bindPopup(() => popupContent(report), { autoPanPaddingTopLeft: [64, 8] })
        .addTo(pins);
      marker.getElement()?.setAttribute('data-tracking-code', report.trackingCode);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- popupContent reads only its argument and the language, which is a dependency
  }, [pins, reports, language]);

  /** Built as elements, never as HTML: the texts come from the database. */
  function popupContent(report: CaseView): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-popup';
    box.dataset.testid = 'map-popup';
    const heading = box.appendChild(document.createElement('strong'));
    heading.textContent = report.category?.name ?? report.trackingCode;
    const status = box.appendChild(document.createElement('p'));
    const badge = status.appendChild(document.createElement('span'));
    badge.className = `badge status-${report.status}`;
    badge.textContent = report.statusLabel;
    const date = status.appendChild(document.createElement('small'));
    date.textContent = ` ${formatDate(report.publishedAt ?? report.createdAt, language)}`;
    const link = box.appendChild(document.createElement('a'));
    link.href = `/track/${encodeURIComponent(report.trackingCode)}`;
    link.textContent = t('viewDetails');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void navigate(`/track/${encodeURIComponent(report.trackingCode)}`);
    });
    return box;
  }

  if (problem === 'settings') return <MapUnavailable message={t('mapTilesFailedList')} />;
  return (
    <div className="map-block">
      <div ref={element} className="map-frame map-frame-tall" data-testid="reports-map" />
      {problem === 'tiles' && <MapUnavailable message={t('mapTilesFailedList')} />}
    </div>
  );
}
