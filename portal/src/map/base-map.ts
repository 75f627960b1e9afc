/**
 * What the portal's two maps share: a Leaflet map on the configured tile server
 * (GET /api/v1/map-settings), the pin they draw points with, and a word when tiles cannot load.
 * Only the lazily loaded map chunks import this file, so Leaflet and its CSS stay out of the
 * first screen (tests/portal-size.test.ts).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapSettings } from '../api';

export interface BaseMapOptions {
  /** Tiles fail before any has loaded: offline, or the tile server refuses or is blocked. */
  onTilesFailed(): void;
  /** A tile has loaded (again): the notice can go. */
  onTilesLoaded(): void;
}

export function createBaseMap(element: HTMLElement, settings: MapSettings, options: BaseMapOptions): L.Map {
  const map = L.map(element, { center: settings.center, zoom: settings.zoom, maxZoom: settings.maxZoom });
  // The attribution is the operator's HTML (MAP_TILE_ATTRIBUTION); the prefix stays short for phones.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  let loaded = 0;
  L.tileLayer(settings.tileUrl, {
    subdomains: settings.subdomains,
    maxZoom: settings.maxZoom,
    attribution: settings.attribution,
    // The site sends no Referer (helmet's no-referrer); OpenStreetMap's tile policy wants the origin.
    referrerPolicy: 'strict-origin-when-cross-origin',
  })
    .on('tileload', () => {
      loaded += 1;
      options.onTilesLoaded();
    })
    .on('tileerror', () => {
      if (loaded === 0) options.onTilesFailed();
    })
    .addTo(map);
  // A named region (named by useBaseMap); the inputs and lists beside it stay the primary way.
  element.setAttribute('role', 'region');
  return map;
}

/**
 * A map pin drawn in SVG (Leaflet's default marker images break under bundlers), 48 px high
 * with its tip on the point: a touch target large enough to drag with a thumb.
 */
export function pinIcon(variant: 'report' | 'published' = 'report'): L.DivIcon {
  const fill = variant === 'report' ? '#b71c1c' : '#0b57d0';
  return L.divIcon({
    className: `map-pin map-pin-${variant}`,
    html: `<svg viewBox="0 0 24 36" width="32" height="48" aria-hidden="true" focusable="false"><path fill="${fill}" stroke="#fff" stroke-width="1.5" d="M12 1C6 1 1.5 5.5 1.5 11.3 1.5 19 12 35 12 35s10.5-16 10.5-23.7C22.5 5.5 18 1 12 1z"/><circle cx="12" cy="11.5" r="4.2" fill="#fff"/></svg>`,
    iconSize: [32, 48],
    iconAnchor: [16, 47],
    popupAnchor: [0, -44],
  });
}

export { L };
