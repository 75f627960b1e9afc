/**
 * What the portal's maps need from the configuration (GET /api/v1/map-settings): the tile server
 * (platform/config.ts, MAP_*), its attribution, and where the maps open. Public, no personal data.
 */
import type { Config } from '../../platform/config';

export type MapConfig = Pick<
  Config,
  'MAP_TILE_URL' | 'MAP_TILE_SUBDOMAINS' | 'MAP_TILE_ATTRIBUTION' | 'MAP_MAX_ZOOM' | 'MAP_CENTER' | 'MAP_ZOOM'
>;

export function getMapSettings(config: MapConfig) {
  return {
    tileUrl: config.MAP_TILE_URL,
    subdomains: config.MAP_TILE_SUBDOMAINS,
    attribution: config.MAP_TILE_ATTRIBUTION,
    maxZoom: config.MAP_MAX_ZOOM,
    center: config.MAP_CENTER,
    zoom: Math.min(config.MAP_ZOOM, config.MAP_MAX_ZOOM),
  };
}

/** The origins tiles come from, for the Content-Security-Policy: one per subdomain when the URL has {s}. */
export function tileOrigins(config: Pick<Config, 'MAP_TILE_URL' | 'MAP_TILE_SUBDOMAINS'>): string[] {
  const hosts = config.MAP_TILE_URL.includes('{s}')
    ? [...config.MAP_TILE_SUBDOMAINS].map((s) => config.MAP_TILE_URL.replaceAll('{s}', s))
    : [config.MAP_TILE_URL];
  return [...new Set(hosts.map((url) => new URL(url).origin))];
}
