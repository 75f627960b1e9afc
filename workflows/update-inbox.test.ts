/**
 * The Update inbox on its own, outside Temporal: its `wait` is a small scheduler that, like the
 * workflow's `condition`, resolves a waiter once its predicate holds when the scheduler runs
 * (`turn()`, the end of a workflow activation).
 */
import { UpdateInbox } from './update-inbox';

interface Messages {
  completion: { taskId: string };
  rating: { score: number };
  withdrawal: { reason?: string };
}

/** Waiters resolved, in the order they waited, when their predicate holds at a turn. */
function scheduler() {
  const waiters: { done: () => boolean; resolve: () => void }[] = [];
  return {
    wait: (done: () => boolean) => new Promise<void>((resolve) => waiters.push({ done, resolve })),
    async turn(): Promise<void> {
      for (let progressed = true; progressed;) {
        progressed = false;
        for (const waiter of [...waiters]) {
          if (!waiter.done()) continue;
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
          progressed = true;
        }
        // Let what the resolved waiters run (and what they await) happen before looking again.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    get waiting() {
      return waiters.length;
    },
  };
}

/** Whether the promise has settled by now (after the scheduler's turn). */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(marker)))])) !== marker;
}

function makeInbox() {
  const clock = scheduler();
  let version = 0;
  const inbox = new UpdateInbox<Messages, { version: number }>(clock.wait, () => ({ version }));
  return { inbox, clock, bump: () => (version += 1) };
}

describe('UpdateInbox', () => {
  it('holds an accepted message in its slot until the main loop takes it', async () => {
    const { inbox } = makeInbox();
    expect(inbox.busy('completion')).toBe(false);
    expect(inbox.arrived('completion', 'withdrawal')()).toBe(false);

    void inbox.accept('completion', { taskId: 't1' });
    expect(inbox.busy('completion')).toBe(true);
    expect(inbox.busy('rating')).toBe(false);
    expect(inbox.arrived('completion', 'withdrawal')()).toBe(true);
    expect(inbox.arrived('rating')()).toBe(false);
    expect(inbox.peek('completion')).toEqual({ taskId: 't1' });
    expect(inbox.busy('completion')).toBe(true); // peeking leaves it

    expect(inbox.take('completion')).toEqual({ taskId: 't1' });
    expect(inbox.busy('completion')).toBe(false);
    expect(inbox.take('completion')).toBeUndefined();
  });

  it('answers only once the main loop has settled past the message, with the state after its change', async () => {
    const { inbox, clock, bump } = makeInbox();
    const answer = inbox.accept('completion', { taskId: 't1' });
    await clock.turn();
    expect(await isSettled(answer)).toBe(false);

    // The loop takes the message up and changes the case; the answer waits for its next wait.
    inbox.take('completion');
    bump();
    await clock.turn();
    expect(await isSettled(answer)).toBe(false);

    inbox.settle();
    await clock.turn();
    expect(await isSettled(answer)).toBe(true);
    expect(await answer).toEqual({ version: 1 });
    expect(clock.waiting).toBe(0);
  });

  it('does not settle while a message still waits in a slot (it arrived on the way to the wait)', async () => {
    const { inbox, clock, bump } = makeInbox();
    const first = inbox.accept('rating', { score: 2 });
    inbox.take('rating');
    // A withdrawal arrives before the loop reaches its next wait: neither sender is answered yet.
    const second = inbox.accept('withdrawal', { reason: 'Đã tự xử lý' });
    inbox.settle();
    await clock.turn();
    expect(await isSettled(first)).toBe(false);
    expect(await isSettled(second)).toBe(false);

    // The loop carries the withdrawal through; the run ends and every sender is answered.
    expect(inbox.peek('withdrawal')).toEqual({ reason: 'Đã tự xử lý' });
    bump();
    inbox.settle(true);
    await clock.turn();
    expect(await first).toEqual({ version: 1 });
    expect(await second).toEqual({ version: 1 });
  });

  it('answers a message accepted after a settle only at the following one', async () => {
    const { inbox, clock, bump } = makeInbox();
    const early = inbox.accept('completion', { taskId: 't1' });
    inbox.take('completion');
    inbox.settle();
    const late = inbox.accept('completion', { taskId: 't2' });
    await clock.turn();
    expect(await early).toEqual({ version: 0 });
    expect(await isSettled(late)).toBe(false);

    inbox.take('completion');
    bump();
    inbox.settle();
    await clock.turn();
    expect(await late).toEqual({ version: 1 });
  });
});
