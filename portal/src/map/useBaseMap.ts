/**
 * A Leaflet map on the configured tile server, for a component: the element to render it into,
 * the map once it exists (state, so effects that draw on it run again), and why it cannot be
 * shown, if so: no settings (offline on first use) or no tiles. The accessible name follows the
 * language.
 */
import { useEffect, useRef, useState } from 'react';
import { api, type MapSettings } from '../api';
import { useLoad } from '../common';
import { useI18n, type MessageKey } from '../i18n';
import { createBaseMap, type L } from './base-map';

export type MapProblem = 'settings' | 'tiles' | undefined;

export function useBaseMap(labelKey: MessageKey) {
  const { t } = useI18n();
  const label = t(labelKey);
  const [settings] = useLoad(() => api<MapSettings>('/map-settings'), []);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [map, setMap] = useState<L.Map>();
  const element = useRef<HTMLDivElement>(null);

  const ready = settings.state === 'ok' ? settings.data : undefined;
  useEffect(() => {
    if (!ready || !element.current) return;
    const created = createBaseMap(element.current, ready, {
      onTilesFailed: () => setTilesFailed(true),
      onTilesLoaded: () => setTilesFailed(false),
    });
    setMap(created);
    return () => {
      setMap(undefined);
      created.remove();
    };
    // Made once per settings; its names follow the language below.
  }, [ready]);

  useEffect(() => {
    element.current?.setAttribute('aria-label', label);
    // Leaflet names its zoom buttons in English; they follow the page's language instead.
    for (const [selector, name] of [
      ['.leaflet-control-zoom-in', t('mapZoomIn')],
      ['.leaflet-control-zoom-out', t('mapZoomOut')],
    ] as const) {
      const button = element.current?.querySelector(selector);
      button?.setAttribute('title', name);
      button?.setAttribute('aria-label', name);
    }
  }, [label, map, t]);

  const problem: MapProblem = settings.state === 'error' ? 'settings' : tilesFailed ? 'tiles' : undefined;
  return { element, map, problem };
}
