import { ResolvedAddress, Resolve } from './channels/infrastructure/guarded-http';
import { NotifySettings } from './notify.env';
import { SecretBox, secretKey } from './secrets/domain/secret-box';

/** Settings for handler specs: production defaults, with what a spec needs changed. */
export const specSettings = (changes: Partial<NotifySettings> = {}): NotifySettings => ({
  smtpUrl: null,
  smtpFrom: 'noreply@zone.example',
  publicBaseUrl: 'https://cs.zone.example',
  maxAttempts: 6,
  retryBaseMs: 5000,
  retryCapMs: 900_000,
  timeoutMs: 5000,
  concurrency: 16,
  perSubscription: 2,
  allowHttp: false,
  allowPrivateReceivers: false,
  ...changes,
});

/** DNS as a table (a name missing from it does not resolve). */
export const fixedResolve =
  (table: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

/** A key ring of one fixed key, for specs that read what a repository sealed. */
export const specSecretBox = (fill = 7) =>
  new SecretBox({ current: secretKey(Buffer.alloc(32, fill)), previous: [] });
