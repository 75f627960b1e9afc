/** /api/admin/calendars: ra-data-simple-rest over WorkingCalendar (one row per year). */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { createCalendar } from '../../services/admin/create-calendar';
import { deleteCalendar } from '../../services/admin/delete-calendar';
import { CALENDAR_SORTABLE, calendarFilter, findCalendars } from '../../services/admin/find-calendars';
import { getCalendar } from '../../services/admin/get-calendar';
import { updateCalendar } from '../../services/admin/update-calendar';
import { parseInput } from '../../validation';
import { actorOf, idOf, listHandler, mayEver, sendRecord } from './crud';

const period = z.object({ start: z.string().max(5), end: z.string().max(5) }).strict();
const text = z.string().max(500);

export const calendarSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  timeZone: z.string().max(100).optional(),
  weeklyHours: z.record(z.string(), z.array(period).max(10)),
  // Extra fields (source, confirmed) are the editors' and are kept as sent.
  holidays: z
    .array(
      z
        .object({ date: z.string().max(10), name: text, source: text.optional(), confirmed: z.boolean().optional() })
        .passthrough(),
    )
    .max(100)
    .optional(),
  workingDays: z
    .array(
      z
        .object({
          date: z.string().max(10),
          name: text.optional(),
          periods: z.array(period).max(10).optional(),
          source: text.optional(),
        })
        .passthrough(),
    )
    .max(100)
    .optional(),
  sources: z.array(text).max(50).optional(),
});

export function adminCalendarRoutes(db: Db): Router {
  const router = Router();
  router.get(
    '/calendars',
    listHandler(
      'calendars',
      { sortable: CALENDAR_SORTABLE, defaultSort: ['year', 'DESC'], filter: calendarFilter },
      (actor, query) => findCalendars(db, actor, query),
    ),
  );
  router.get('/calendars/:id', async (req, res) => {
    sendRecord(res, await getCalendar(db, actorOf(req), idOf(req)));
  });
  router.post('/calendars', mayEver('create', 'WorkingCalendar'), async (req, res) => {
    sendRecord(res, await createCalendar(db, actorOf(req), parseInput(calendarSchema, req.body)), 201);
  });
  router.put('/calendars/:id', mayEver('update', 'WorkingCalendar'), async (req, res) => {
    sendRecord(res, await updateCalendar(db, actorOf(req), idOf(req), parseInput(calendarSchema.partial(), req.body)));
  });
  router.delete('/calendars/:id', mayEver('delete', 'WorkingCalendar'), async (req, res) => {
    sendRecord(res, await deleteCalendar(db, actorOf(req), idOf(req)));
  });
  return router;
}
