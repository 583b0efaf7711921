/**
 * One lane for a consumer group on Kafka: the partition batches that kafkajs hands to the group side
 * by side (all of one fetch, with `partitionsConsumedConcurrently` at least the group's partitions)
 * are applied together, as one `handleBatch`, one at a time, instead of one inbox transaction per
 * partition batch. A fetch's batches reach the lane in the same turn of the event loop, so it waits
 * for the next turn (`setImmediate`) and takes everything that queued: at most `max` messages,
 * whole partition chunks, in arrival order; what is left waits for the next application. The
 * messages of one partition stay in their order (one chunk is one partition's, in offset order), so
 * per-key order holds as it does for the in-process transport's single lane.
 *
 * `add` resolves true when the chunk was applied with the others; false when it must be applied
 * one message at a time by its own partition (it was alone and a single message, or the whole
 * application failed: one bad message then costs only its own partition's retries and
 * dead-lettering, every other chunk is tried again one by one too and the inbox skips nothing
 * twice, since a failed application committed nothing).
 */
export class GroupLane<M> {
  private readonly waiting: { messages: M[]; settle: (applied: boolean) => void }[] = [];
  private running = false;

  constructor(
    private readonly apply: (messages: M[]) => Promise<void>,
    /** The most messages one application takes; a partition's batch is added in chunks of it. */
    readonly max: number,
  ) {}

  add(messages: M[]): Promise<boolean> {
    return new Promise((settle) => {
      this.waiting.push({ messages, settle });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      let count = this.waiting[0].messages.length;
      let taken = 1;
      while (taken < this.waiting.length && count + this.waiting[taken].messages.length <= this.max) {
        count += this.waiting[taken++].messages.length;
      }
      const chunks = this.waiting.splice(0, taken);
      let applied = false;
      if (count > 1) {
        try {
          await this.apply(chunks.flatMap((c) => c.messages));
          applied = true;
        } catch {
          // each chunk is applied again one message at a time by its own partition
        }
      }
      for (const c of chunks) c.settle(applied);
    }
    this.running = false;
  }
}
