/** Open311 partners' API keys for administrators: never the key, never its hash; the prefix tells them apart. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { ApiKey, Prisma } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { beginningWith, containing } from '../text-match';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, searchText, uuidIds } from './list-filters';

export const apiKeyFilter = z
  .object({
    id: idFilter.optional(),
    q: searchText.optional(),
    active: z.boolean().optional(),
    revoked: z.boolean().optional(),
  })
  .strict();

export const API_KEY_SORTABLE = ['name', 'channel', 'createdAt', 'lastUsedAt', 'active', 'id'] as const;

export async function findApiKeys(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof apiKeyFilter>>) {
  const f = query.filter;
  const where: Prisma.ApiKeyWhereInput = {
    AND: [
      readableWhere(actor.ability, 'ApiKey'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.active !== undefined && { active: f.active }),
        ...(f.revoked !== undefined && { revokedAt: f.revoked ? { not: null } : null }),
        ...(f.q && {
          OR: [
            { name: containing(f.q) },
            { channel: containing(f.q) },
            { prefix: beginningWith(f.q) },
          ],
        }),
      },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.apiKey.findMany({ where, ...pageOf(query) }),
    db.apiKey.count({ where }),
  ]);
  return { rows: rows.map(adminApiKey), total };
}

export function adminApiKey(row: ApiKey) {
  const { keyHash: _keyHash, ...shown } = row;
  return shown;
}
