/** Polls until `probe` returns a truthy value or the time is up; the last value is returned. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  timeoutMs = 15000,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!last && Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await probe();
  }
  return last;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
