/** GET /api/v1/map-settings: the tile server and the maps' starting view, for the portal. */
import { Router } from 'express';
import { getMapSettings, type MapConfig } from '../services/get-map-settings';

export function mapSettingsRoutes(config: MapConfig): Router {
  const router = Router();
  router.get('/map-settings', (_req, res) => {
    // Changes only with a restart; a few minutes old is fine.
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(getMapSettings(config));
  });
  return router;
}
