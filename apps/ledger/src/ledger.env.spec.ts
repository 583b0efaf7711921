import { BaseEnv, ConfigError, loadConfig } from '@ticketing/config';
import { LedgerEnv, ledgerSettingsFrom } from './ledger.env';

describe('LedgerEnv', () => {
  it('defaults: 基本满意 weighs 0.9, daily seals on', () => {
    expect(ledgerSettingsFrom(loadConfig(LedgerEnv, {}))).toEqual({ satisfactionWeight: 0.9, dailySeal: true });
  });

  it('reads false as false (not as a non-empty string)', () => {
    expect(ledgerSettingsFrom(loadConfig(LedgerEnv, { LEDGER_DAILY_SEAL: 'false', LEDGER_SATISFACTION_WEIGHT: '0.8' }))).toEqual({
      satisfactionWeight: 0.8,
      dailySeal: false,
    });
  });

  it('refuses a weight outside [0, 1], naming the variable', () => {
    expect(() => loadConfig(LedgerEnv, { LEDGER_SATISFACTION_WEIGHT: '1.5' })).toThrow(ConfigError);
    expect(() => loadConfig(LedgerEnv, { LEDGER_SATISFACTION_WEIGHT: 'abc' })).toThrow(/LEDGER_SATISFACTION_WEIGHT/);
  });

  it('composed into another process, reads its variables from that process config', () => {
    const base = loadConfig(BaseEnv, { LEDGER_SATISFACTION_WEIGHT: '0.5', LEDGER_DAILY_SEAL: 'off' });
    expect(ledgerSettingsFrom(base)).toEqual({ satisfactionWeight: 0.5, dailySeal: false });
  });
});
