/**
 * The inbox's counters for the menu: open tasks assigned to me, open unassigned tasks I may
 * claim (my units' and my IOC role's), and overdue open tasks I can see.
 */
import { accessibleWhere } from '../../../domain/abilities';
import type { Db } from '../../../platform/db';
import type { AdminActor } from './admin-actor';

export async function countTasks(db: Db, actor: AdminActor, now = new Date()) {
  const readable = accessibleWhere(actor.ability, 'read', 'Task');
  const claimable = accessibleWhere(actor.ability, 'claim', 'Task');
  const count = (where: object | null, extra: object) =>
    where ? db.task.count({ where: { AND: [where, extra] } }) : Promise.resolve(0);
  const [mine, unitUnclaimed, overdue] = await Promise.all([
    db.task.count({ where: { state: 'open', assigneeId: actor.userId } }),
    count(claimable, { state: 'open', assigneeId: null }),
    count(readable, { state: 'open', due: { lt: now } }),
  ]);
  return { mine, unitUnclaimed, overdue };
}
