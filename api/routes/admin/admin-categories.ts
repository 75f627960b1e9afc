/** /api/admin/categories: ra-data-simple-rest over Category; the id is the code. */
import { Router } from 'express';
import { z } from 'zod';
import { CASE_LEVELS } from '../../../domain/case-steps';
import type { Db } from '../../../platform/db';
import { createCategory } from '../../services/admin/create-category';
import { deleteCategory } from '../../services/admin/delete-category';
import { CATEGORY_SORTABLE, categoryFilter, findCategories } from '../../services/admin/find-categories';
import { getCategory } from '../../services/admin/get-category';
import { optionalText } from '../../services/admin/list-filters';
import { updateCategory } from '../../services/admin/update-category';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

export const categorySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'invalid_format'),
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  descriptionVi: optionalText(2000),
  descriptionEn: optionalText(2000),
  icon: z.string().trim().min(1).max(100),
  group: z.string().trim().min(1).max(100),
  defaultLevel: z.enum(CASE_LEVELS).optional(),
  sortOrder: z.number().int().optional(),
  active: z.boolean().optional(),
});

export function adminCategoryRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/categories',
    listHandler(
      'categories',
      { sortable: CATEGORY_SORTABLE, defaultSort: ['sortOrder', 'ASC'], filter: categoryFilter },
      (actor, query) => findCategories(db, actor, query),
    ),
  );
  router.get('/categories/:id', async (req, res) => {
    sendRecord(res, await getCategory(db, actorOf(req), idOf(req)));
  });
  router.post('/categories', mayEver('create', 'Category'), async (req, res) => {
    sendRecord(res, await createCategory(db, actorOf(req), parseInput(categorySchema, req.body)), 201);
  });
  router.put('/categories/:id', mayEver('update', 'Category'), async (req, res) => {
    sendRecord(res, await updateCategory(db, actorOf(req), idOf(req), parseInput(categorySchema.partial(), req.body)));
  });
  router.delete('/categories/:id', mayEver('delete', 'Category'), async (req, res) => {
    sendRecord(res, await deleteCategory(db, actorOf(req), idOf(req)));
  });
  return router;
}
