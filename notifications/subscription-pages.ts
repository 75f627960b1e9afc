/**
 * The subscriptions a message goes to, a page at a time in id order (a province's subscribers
 * need not fit in memory, and a writer interrupted half-way starts again from the first page:
 * its dedupe keys make the rows already written no-ops).
 */
import type { Prisma, Subscription } from '../prisma/generated/client';

const PAGE = 500;

export async function* subscriptionPages(
  client: Pick<Prisma.TransactionClient, 'subscription'>,
  where: Prisma.SubscriptionWhereInput,
): AsyncGenerator<Subscription[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await client.subscription.findMany({
      where,
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    if (page.length === 0) return;
    cursor = page.at(-1)!.id;
    yield page;
  }
}
