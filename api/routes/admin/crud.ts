/**
 * The ra-data-simple-rest plumbing every back-office resource repeats: the actor of a request,
 * a list handler (sort/range/filter in, JSON array and Content-Range out), and an early 403 for
 * a write the role may never do, before its body is even validated.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Action, SubjectName } from '../../../domain/abilities';
import { AppError } from '../../../platform/app-error';
import { parseListQuery, sendList, type ListQuery } from '../../list-query';
import { authOf } from '../../middleware/authenticate';
import type { AdminActor } from '../../services/admin/admin-actor';

export function actorOf(req: Request): AdminActor {
  const auth = authOf(req);
  return { ability: auth.ability, userId: auth.user.id, ip: req.ip, requestId: String(req.id) };
}

export function listHandler<F extends z.ZodTypeAny>(
  resource: string,
  options: { sortable: readonly [string, ...string[]]; defaultSort: [string, 'ASC' | 'DESC']; filter: F },
  find: (actor: AdminActor, query: ListQuery<z.infer<F>>) => Promise<{ rows: unknown[]; total: number; totalEstimated?: boolean }>,
): RequestHandler {
  return async (req, res) => {
    const actor = actorOf(req);
    const query = parseListQuery(req.query, options);
    const { rows, total, totalEstimated } = await find(actor, query);
    sendList(res, resource, query, rows, total, totalEstimated);
  };
}

/** 403 when no rule lets the role do `action` on any `model` row (the service checks the row). */
export function mayEver(action: Action, model: SubjectName): RequestHandler {
  return (req, _res, next) => {
    if (!authOf(req).ability.can(action, model)) throw new AppError('FORBIDDEN');
    next();
  };
}

/** A single record: never cached by a browser or a proxy (it may carry personal data). */
export function sendRecord(res: Response, body: unknown, status = 200): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json(body);
}

/** The `:id` of the route. */
export function idOf(req: Request): string {
  return String(req.params.id);
}
