import { Router } from 'express';
import { checkHealth, type HealthDependencies } from '../services/check-health';
import type { Metrics } from '../metrics';

export function healthRoutes(deps: HealthDependencies, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const { status, ...parts } = await checkHealth(deps);
    res.status(status === 'ok' ? 200 : 503).json({ status, ...parts });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
