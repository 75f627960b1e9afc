/**
 * The case's Update inbox: what the reporter and the officials have sent and the case's main loop
 * has not yet taken up, one slot per kind of message, and when each accepted Update may answer.
 *
 * An Update is answered only once the main loop has carried its message through to its next wait
 * (`settle`), so the answer shows the state after its own change (Temporal's samples answer at
 * once; a case's sender needs the new task or status to go on). A slot holds one message: while it
 * is full the validators refuse a second one (`busy`), so nothing is overwritten or lost.
 *
 * Runs inside the workflow; it waits through the `wait` it is given (Temporal's `condition` in the
 * workflow), so it is unit-tested on its own with a plain scheduler (update-inbox.test.ts).
 */
export type Wait = (done: () => boolean) => Promise<unknown>;

export class UpdateInbox<Messages extends object, Answer> {
  private readonly slots: Partial<Messages> = {};
  /** Messages accepted so far. */
  private received = 0;
  /** Messages the main loop has carried through to its next wait: their senders may be answered. */
  private settled = 0;

  constructor(
    private readonly wait: Wait,
    /** What an accepted Update answers with (the case's state as it is then). */
    private readonly answer: () => Answer,
  ) {}

  /**
   * Accepts a message (the Update's handler, after its validator): it waits in its slot for the
   * main loop, and the Update answers once the loop has settled past it.
   */
  async accept<K extends keyof Messages>(kind: K, message: Messages[K]): Promise<Answer> {
    this.slots[kind] = message;
    const mine = ++this.received;
    await this.wait(() => this.settled >= mine);
    return this.answer();
  }

  /** A message of this kind waits to be taken up: a validator refuses another one meanwhile. */
  busy(kind: keyof Messages): boolean {
    return this.slots[kind] !== undefined;
  }

  /** The condition the main loop waits on: one of these kinds has arrived. */
  arrived(...kinds: (keyof Messages)[]): () => boolean {
    return () => kinds.some((kind) => this.slots[kind] !== undefined);
  }

  /** The waiting message of this kind, left in its slot (a withdrawal ends the case: it stays). */
  peek<K extends keyof Messages>(kind: K): Messages[K] | undefined {
    return this.slots[kind];
  }

  /** Takes the waiting message of this kind up: its slot is free for the next one. */
  take<K extends keyof Messages>(kind: K): Messages[K] | undefined {
    const message = this.slots[kind];
    this.slots[kind] = undefined;
    return message;
  }

  /**
   * Called where the main loop waits: the messages received so far have been carried through and
   * may be answered. Not while one still sits in a slot: it arrived on the way here (a task is
   * open, and can be completed, before its opening is projected and announced), the loop takes it
   * up at once, and its sender waits for the state after its own change. `final`: the run ends,
   * every sender is answered.
   */
  settle(final = false): void {
    if (!final && Object.values(this.slots).some((message) => message !== undefined)) return;
    this.settled = this.received;
  }
}
