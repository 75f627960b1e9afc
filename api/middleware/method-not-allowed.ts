/**
 * The methods of each path, as the OpenAPI document lists them, so the document and the server
 * cannot disagree about them:
 * - OPTIONS answers 204 with exactly those in `Allow` (Express would list the methods of whichever
 *   routes happen to match, e.g. PUT /communes/:id for /communes/boundaries);
 * - another method answers 405 with `Allow` (RFC 9110 §15.5.6) rather than a 404 that says the
 *   path does not exist. Mounted after every route: a route the document lacks still answers.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../platform/app-error';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

type Paths = Record<string, Record<string, unknown>>;

function documentedMethods(paths: Paths): (path: string) => string[] | undefined {
  const routes = Object.entries(paths).map(([template, operations]) => {
    const methods = METHODS.filter((m) => m in operations).map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : escape(part)))
      .join('');
    return { pattern: new RegExp(`^${pattern}$`), methods, parameters: template.split('{').length };
  });
  // A literal path before a template that would take it: /communes/boundaries, not /communes/{id}.
  routes.sort((a, b) => a.parameters - b.parameters);
  return (path) => routes.find((r) => r.pattern.test(path))?.methods;
}

export function documentedOptions(paths: Paths): RequestHandler {
  const methodsOf = documentedMethods(paths);
  return (req, res, next) => {
    const methods = req.method === 'OPTIONS' ? methodsOf(req.path) : undefined;
    if (!methods) return next();
    res.setHeader('Allow', [...methods, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}

export function methodNotAllowed(paths: Paths): RequestHandler {
  const methodsOf = documentedMethods(paths);
  return (req, res, next) => {
    const methods = methodsOf(req.path);
    if (!methods || methods.includes(req.method) || req.method === 'OPTIONS') return next();
    const allow = methods.join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('METHOD_NOT_ALLOWED', { method: req.method, allow }));
  };
}
