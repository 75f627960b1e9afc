/** /api/admin/templates: ra-data-simple-rest over ReplyTemplate (filters purpose, active, q). */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { createTemplate } from '../../services/admin/create-template';
import { deleteTemplate } from '../../services/admin/delete-template';
import { findTemplates, TEMPLATE_SORTABLE, templateFilter } from '../../services/admin/find-templates';
import { getTemplate } from '../../services/admin/get-template';
import { updateTemplate } from '../../services/admin/update-template';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const templateSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'invalid_format'),
  purpose: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_]{0,49}$/, 'invalid_format'),
  titleVi: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  bodyVi: z.string().trim().min(1).max(10_000),
  bodyEn: z.string().trim().min(1).max(10_000),
  active: z.boolean().optional(),
});

export function adminTemplateRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/templates',
    listHandler(
      'templates',
      { sortable: TEMPLATE_SORTABLE, defaultSort: ['code', 'ASC'], filter: templateFilter },
      (actor, query) => findTemplates(db, actor, query),
    ),
  );
  router.get('/templates/:id', async (req, res) => {
    sendRecord(res, await getTemplate(db, actorOf(req), idOf(req)));
  });
  router.post('/templates', mayEver('create', 'ReplyTemplate'), async (req, res) => {
    sendRecord(res, await createTemplate(db, actorOf(req), parseInput(templateSchema, req.body)), 201);
  });
  router.put('/templates/:id', mayEver('update', 'ReplyTemplate'), async (req, res) => {
    sendRecord(res, await updateTemplate(db, actorOf(req), idOf(req), parseInput(templateSchema.partial(), req.body)));
  });
  router.delete('/templates/:id', mayEver('delete', 'ReplyTemplate'), async (req, res) => {
    sendRecord(res, await deleteTemplate(db, actorOf(req), idOf(req)));
  });
  return router;
}
