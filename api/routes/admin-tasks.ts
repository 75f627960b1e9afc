/** The officials' tasks under /api/admin/tasks (docs/api-contract.md): list, claim, unclaim, complete. */
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import { parseListQuery, sendList } from '../list-query';
import { authOf } from '../middleware/authenticate';
import { claimTask, readableTask, unclaimTask } from '../services/claim-task';
import { completeTask } from '../services/complete-task';
import { adminTask, adminTaskFilter, ADMIN_TASK_SORTABLE, findAdminTasks } from '../services/find-admin-tasks';
import { parseInput } from '../validation';

export const completionSchema = z.object({ outcome: z.string().min(1).max(50) }).passthrough();

export function adminTaskRoutes(deps: { db: Db; temporal: Client }): Router {
  const { db } = deps;
  const router = Router();
  const actorOf = (req: Express.Request & { ip?: string }) => {
    const auth = authOf(req);
    return { ability: auth.ability, userId: auth.user.id, ip: req.ip };
  };

  router.get('/tasks', async (req, res) => {
    const query = parseListQuery(req.query, {
      sortable: ADMIN_TASK_SORTABLE,
      defaultSort: ['due', 'ASC'],
      filter: adminTaskFilter,
    });
    const { rows, total, totalEstimated } = await findAdminTasks(db, authOf(req).ability, query);
    sendList(res, 'tasks', query, rows, total, totalEstimated);
  });

  router.get('/tasks/:id', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(adminTask(await readableTask(db, authOf(req).ability, req.params.id)));
  });

  router.post('/tasks/:id/claim', async (req, res) => {
    res.json(await claimTask(db, actorOf(req), req.params.id));
  });

  router.post('/tasks/:id/unclaim', async (req, res) => {
    res.json(await unclaimTask(db, actorOf(req), req.params.id));
  });

  router.post('/tasks/:id/complete', async (req, res) => {
    const { outcome, ...data } = parseInput(completionSchema, req.body);
    const idempotencyKey = req.get('Idempotency-Key')?.trim() || undefined;
    res.json(await completeTask(deps, actorOf(req), { taskId: req.params.id, outcome, data, idempotencyKey }));
  });

  return router;
}
