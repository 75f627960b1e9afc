/** Prometheus metrics of the API process: Node's defaults and one histogram of requests. */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const stop = requestDuration.startTimer();
    res.on('finish', () => {
      // The matched route pattern, never the raw path: tracking codes must not explode labels.
      // Express has restored req.baseUrl by now, so routers record their mount point.
      const route = req.route?.path ? `${res.locals.mountPath ?? ''}${req.route.path}` : 'unmatched';
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, middleware };
}

/** Mounts a router and records its mount point for the metrics' route label. */
export function mountPath(path: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.mountPath = path;
    next();
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
