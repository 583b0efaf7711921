import { loadConfig } from '@ticketing/config';
import { NotifyEnv, notifySettingsFrom } from './notify.env';

describe('NotifyEnv', () => {
  it('reads booleans from their text, defaults the rest, and names a bad variable', () => {
    expect(loadConfig(NotifyEnv, { NOTIFY_ALLOW_HTTP: 'false' }).NOTIFY_ALLOW_HTTP).toBe(false);
    expect(loadConfig(NotifyEnv, { NOTIFY_ALLOW_HTTP: 'true' }).NOTIFY_ALLOW_HTTP).toBe(true);
    const s = notifySettingsFrom(loadConfig(NotifyEnv, { PUBLIC_BASE_URL: 'https://cs.zone.example/' }));
    expect(s).toMatchObject({
      allowHttp: false,
      allowPrivateReceivers: false,
      maxAttempts: 6,
      timeoutMs: 5000,
      publicBaseUrl: 'https://cs.zone.example',
      smtpUrl: null,
    });
    expect(() => loadConfig(NotifyEnv, { SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig(NotifyEnv, { NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
  });
});
