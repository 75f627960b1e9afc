/**
 * Every route of an Express 5 app, read from its router stack (mount points included), so a test
 * over "every route" covers a route added tomorrow without being told.
 */
import type { Express } from 'express';

export interface AppRoute {
  method: string;
  /** The full path pattern, e.g. `/api/v1/reports/:trackingCode/rating`. */
  path: string;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export function routeTable(app: Express): AppRoute[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const routes = walk(stack, '');
  const unique = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return [...unique.values()];
}

function walk(stack: Layer[], prefix: string): AppRoute[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return paths(layer.route.path).flatMap((path) =>
        Object.keys(layer.route!.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: `${prefix}${path}` })),
      );
    }
    if (!layer.handle?.stack) return [];
    const mount = paths(layer.rawPath).find((path) => path !== '/') ?? '';
    return walk(layer.handle.stack, `${prefix}${mount}`);
  });
}

function paths(path: unknown): string[] {
  if (typeof path === 'string') return [path];
  if (Array.isArray(path)) return path.filter((p): p is string => typeof p === 'string');
  throw new Error(`a route path this table cannot read: ${String(path)}`);
}
