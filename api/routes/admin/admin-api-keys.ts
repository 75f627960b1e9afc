/**
 * /api/admin/api-keys: Open311 partner keys. POST answers the key once (`key`); PUT renames or
 * (de)activates; DELETE revokes.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { createApiKey } from '../../services/admin/create-api-key';
import { deleteApiKey } from '../../services/admin/delete-api-key';
import { API_KEY_SORTABLE, apiKeyFilter, findApiKeys } from '../../services/admin/find-api-keys';
import { getApiKey } from '../../services/admin/get-api-key';
import { updateApiKey } from '../../services/admin/update-api-key';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const apiKeySchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** `open311:<partner>` or just `<partner>` (the prefix is added). */
  channel: z
    .string()
    .trim()
    .regex(/^(open311:)?[a-z0-9][a-z0-9._-]{0,62}$/, 'invalid_format'),
  active: z.boolean().optional(),
});

export function adminApiKeyRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/api-keys',
    listHandler(
      'api-keys',
      { sortable: API_KEY_SORTABLE, defaultSort: ['createdAt', 'DESC'], filter: apiKeyFilter },
      (actor, query) => findApiKeys(db, actor, query),
    ),
  );
  router.get('/api-keys/:id', async (req, res) => {
    sendRecord(res, await getApiKey(db, actorOf(req), idOf(req)));
  });
  router.post('/api-keys', mayEver('create', 'ApiKey'), async (req, res) => {
    sendRecord(res, await createApiKey(db, actorOf(req), parseInput(apiKeySchema, req.body)), 201);
  });
  router.put('/api-keys/:id', mayEver('update', 'ApiKey'), async (req, res) => {
    sendRecord(res, await updateApiKey(db, actorOf(req), idOf(req), parseInput(apiKeySchema.partial(), req.body)));
  });
  router.delete('/api-keys/:id', mayEver('delete', 'ApiKey'), async (req, res) => {
    sendRecord(res, await deleteApiKey(db, actorOf(req), idOf(req)));
  });
  return router;
}
