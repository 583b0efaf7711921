/** Start-up cannot go on; the message names the setting at fault and is printed without a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
