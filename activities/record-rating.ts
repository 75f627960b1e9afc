/** Stores the reporter's rating of one round of the result; a retry finds it stored. */
import type { Db } from '../platform/db';

export async function recordRating(
  db: Db,
  rating: { caseId: string; round: number; score: number; comment?: string | null; at: string },
): Promise<void> {
  await db.rating.createMany({
    data: [
      {
        caseId: rating.caseId,
        round: rating.round,
        score: rating.score,
        comment: rating.comment ?? null,
        createdAt: new Date(rating.at),
      },
    ],
    skipDuplicates: true,
  });
}
