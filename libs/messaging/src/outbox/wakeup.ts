/** A sleep that can be cut short: the relay waits for NOTIFY or for its slow poll, whichever first. */
export class Wakeup {
  private pending: (() => void) | undefined;
  private signalled = false;

  wake(): void {
    this.signalled = true;
    this.pending?.();
  }

  async wait(ms: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending = done;
    });
    this.signalled = false;
  }
}
