/**
 * /api/admin/users: officials' accounts with their memberships ({ unitId, role }[]).
 * POST answers the temporary password once (`temporaryPassword`); DELETE disables the account and
 * revokes its sessions; POST /users/:id/reset-password → { id, temporaryPassword, mustChangePassword }.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { createUser } from '../../services/admin/create-user';
import { deleteUser } from '../../services/admin/delete-user';
import { findUsers, ROLES, USER_SORTABLE, userFilter } from '../../services/admin/find-users';
import { getUser } from '../../services/admin/get-user';
import { optionalText } from '../../services/admin/list-filters';
import { resetUserPassword } from '../../services/admin/reset-user-password';
import { updateUser } from '../../services/admin/update-user';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const userSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, 'invalid_format'),
  name: z.string().trim().min(1).max(200),
  email: z
    .union([z.string().trim().email().max(200), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  phone: optionalText(50),
  active: z.boolean().optional(),
  memberships: z
    .array(z.object({ unitId: z.string().uuid(), role: z.enum(ROLES) }))
    .min(1)
    .max(50),
});

export function adminUserRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/users',
    listHandler(
      'users',
      { sortable: USER_SORTABLE, defaultSort: ['username', 'ASC'], filter: userFilter },
      (actor, query) => findUsers(db, actor, query),
    ),
  );
  router.get('/users/:id', async (req, res) => {
    sendRecord(res, await getUser(db, actorOf(req), idOf(req)));
  });
  router.post('/users', mayEver('create', 'User'), async (req, res) => {
    sendRecord(res, await createUser(db, actorOf(req), parseInput(userSchema, req.body)), 201);
  });
  router.put('/users/:id', mayEver('update', 'User'), async (req, res) => {
    sendRecord(res, await updateUser(db, actorOf(req), idOf(req), parseInput(userSchema.partial(), req.body)));
  });
  router.delete('/users/:id', mayEver('delete', 'User'), async (req, res) => {
    sendRecord(res, await deleteUser(db, actorOf(req), idOf(req)));
  });
  router.post('/users/:id/reset-password', mayEver('update', 'User'), async (req, res) => {
    sendRecord(res, await resetUserPassword(db, actorOf(req), idOf(req)));
  });
  return router;
}
