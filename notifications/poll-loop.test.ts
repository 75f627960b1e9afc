import { createPollLoop } from './poll-loop';

/** Far longer than any test here: a look that waits for it never comes. */
const LONG_POLL_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A started loop whose looks the test answers by hand, one call at a time. */
function scriptedLoop(pollMs = LONG_POLL_MS, onError: (error: unknown) => void = () => undefined) {
  const calls: Array<(more: boolean | Error) => void> = [];
  let called: () => void = () => undefined;
  const look = () =>
    new Promise<boolean>((resolve, reject) => {
      calls.push((more) => (more instanceof Error ? reject(more) : resolve(more)));
      called();
    });
  /** Resolves once the loop has made its n-th look. */
  const nthLook = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (calls.length >= n ? resolve() : (called = check));
      check();
    });
  const loop = createPollLoop({ look, pollMs, onError });
  loop.start();
  return { loop, calls, nthLook };
}

describe('createPollLoop', () => {
  it('looks again at once while there is more work, and sleeps after an idle look', async () => {
    const { loop, calls, nthLook } = scriptedLoop();
    await nthLook(1);
    calls[0]!(true);
    await nthLook(2);
    calls[1]!(false);
    await pause(50);
    expect(calls).toHaveLength(2);
    await loop.stop();
  });

  it('reports a failed look and goes on after the poll interval', async () => {
    const errors: unknown[] = [];
    const { loop, calls, nthLook } = scriptedLoop(20, (error) => errors.push(error));
    await nthLook(1);
    const failure = new Error('database away');
    calls[0]!(failure);
    await nthLook(2);
    expect(errors).toEqual([failure]);
    calls[1]!(false);
    await loop.stop();
  });

  it('wakes up for a look before the poll interval is over', async () => {
    const { loop, calls, nthLook } = scriptedLoop();
    await nthLook(1);
    calls[0]!(false);
    await pause(20);
    loop.wake();
    await nthLook(2);
    calls[1]!(false);
    await loop.stop();
  });

  it('stops during the sleep at once, and after the look in progress', async () => {
    const { loop, calls, nthLook } = scriptedLoop();
    loop.start(); // a second start is no second loop
    await nthLook(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await pause(20);
    expect(stopped).toBe(false); // the look in progress is waited for
    expect(loop.isRunning()).toBe(true);
    calls[0]!(true); // even with more work, no look after stop
    await stopping;
    expect(calls).toHaveLength(1);
    expect(loop.isRunning()).toBe(false);

    loop.start(); // a stopped loop starts again, and its stop ends a sleep at once
    await nthLook(2);
    calls[1]!(false);
    await pause(20);
    const before = Date.now();
    await loop.stop();
    expect(Date.now() - before).toBeLessThan(1_000);
    expect(calls).toHaveLength(2);
  });
});
