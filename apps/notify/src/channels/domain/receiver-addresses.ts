/**
 * Whether a receiver URL's host may be reached, judged when a subscription is saved (the same
 * check runs again on every connection). A port: the DNS implementation resolves names.
 */
export abstract class ReceiverAddresses {
  /** Why the URL's address is refused, as a message for its `url` field; null when it may be used. */
  abstract problem(url: string): Promise<string | null>;
}
