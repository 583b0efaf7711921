/**
 * When a process starts taking events. Consumers register while Nest initialises modules, but the
 * command and query handlers they call are registered on the bus only at application bootstrap,
 * in an order between modules that Nest does not promise. A message handled in between would find
 * no handler and be retried with backoff (on Kafka, messages arrive as soon as a group joins). So
 * the app shell starts messaging once the application is fully initialised: consumers subscribe
 * first, then the relays begin to publish.
 */
export class MessagingLifecycle {
  private readonly consumers: (() => Promise<void>)[] = [];
  private readonly relays: (() => void)[] = [];
  private startedAt: Date | null = null;

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Runs `subscribe` at start, or now if messaging has started. */
  async whenStarted(subscribe: () => Promise<void>): Promise<void> {
    if (this.started) return subscribe();
    this.consumers.push(subscribe);
  }

  /** Runs `start` once every consumer of the process has subscribed. */
  relayWhenStarted(start: () => void): void {
    if (this.started) return start();
    this.relays.push(start);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.startedAt = new Date();
    for (const subscribe of this.consumers.splice(0)) await subscribe();
    for (const start of this.relays.splice(0)) start();
  }
}
