import { BaseEnv, ConfigError, loadConfig } from '@ticketing/config';
import { LedgerEnv, ledgerSettingsFrom } from './ledger.env';

const DEFAULTS = {
  satisfactionWeight: 0.9,
  dailySeal: true,
  instructorWeights: { plan: 40, problems: 2, solved: 3, satisfaction: 20, activities: 2 },
  evaluationWeights: {
    responseRate: 0.2,
    onTimeResolutionRate: 0.3,
    replyRate: 0.2,
    resolutionRate: 0,
    satisfactionRate: 0.3,
    transferRate: -0.1,
    reopenRate: -0.1,
  },
  pdfFont: null,
};

describe('LedgerEnv', () => {
  it('defaults: 基本满意 weighs 0.9, daily seals on, the published score weights, the system CJK font', () => {
    expect(ledgerSettingsFrom(loadConfig(LedgerEnv, {}))).toEqual(DEFAULTS);
  });

  it('reads false as false (not as a non-empty string)', () => {
    expect(
      ledgerSettingsFrom(
        loadConfig(LedgerEnv, { LEDGER_DAILY_SEAL: 'false', LEDGER_SATISFACTION_WEIGHT: '0.8' }),
      ),
    ).toMatchObject({ satisfactionWeight: 0.8, dailySeal: false });
  });

  it('refuses a weight outside [0, 1], naming the variable', () => {
    expect(() => loadConfig(LedgerEnv, { LEDGER_SATISFACTION_WEIGHT: '1.5' })).toThrow(ConfigError);
    expect(() => loadConfig(LedgerEnv, { LEDGER_SATISFACTION_WEIGHT: 'abc' })).toThrow(
      /LEDGER_SATISFACTION_WEIGHT/,
    );
  });

  it('reads the instructor and evaluation weights, in any order', () => {
    const s = ledgerSettingsFrom(
      loadConfig(LedgerEnv, {
        LEDGER_INSTRUCTOR_WEIGHTS: 'activities:1, solved:5,problems:1,plan:50,satisfaction:10',
        LEDGER_EVALUATION_WEIGHTS:
          'responseRate:0.1,onTimeResolutionRate:0.4,replyRate:0.2,resolutionRate:0.1,satisfactionRate:0.2,transferRate:-0.05,reopenRate:0',
        LEDGER_PDF_FONT: '/fonts/x.ttc#XHei',
      }),
    );
    expect(s.instructorWeights).toEqual({
      plan: 50,
      problems: 1,
      solved: 5,
      satisfaction: 10,
      activities: 1,
    });
    expect(s.evaluationWeights).toMatchObject({ resolutionRate: 0.1, transferRate: -0.05, reopenRate: 0 });
    expect(s.pdfFont).toBe('/fonts/x.ttc#XHei');
  });

  it.each([
    ['LEDGER_INSTRUCTOR_WEIGHTS', 'plan:40', /LEDGER_INSTRUCTOR_WEIGHTS.*missing problems/],
    ['LEDGER_INSTRUCTOR_WEIGHTS', 'plan:40,plan:2,problems:2,solved:3,satisfaction:20,activities:2', /twice/],
    ['LEDGER_INSTRUCTOR_WEIGHTS', 'plan:-1,problems:2,solved:3,satisfaction:20,activities:2', /plan must be/],
    ['LEDGER_INSTRUCTOR_WEIGHTS', 'plan=40', /not name:number/],
    ['LEDGER_EVALUATION_WEIGHTS', 'luck:1', /luck is not one of/],
    [
      'LEDGER_EVALUATION_WEIGHTS',
      'responseRate:0,onTimeResolutionRate:0,replyRate:0,resolutionRate:0,satisfactionRate:0,transferRate:-0.1,reopenRate:0',
      /positive weight/,
    ],
  ])('refuses %s=%s, saying what is wrong', (name, value, message) => {
    expect(() => loadConfig(LedgerEnv, { [name]: value })).toThrow(message);
  });

  it('composed into another process, reads its variables from that process config', () => {
    const base = loadConfig(BaseEnv, { LEDGER_SATISFACTION_WEIGHT: '0.5', LEDGER_DAILY_SEAL: 'off' });
    expect(ledgerSettingsFrom(base)).toEqual({ ...DEFAULTS, satisfactionWeight: 0.5, dailySeal: false });
  });
});
