import { E, GLOSSARY } from '../../../../web/src/i18n/glossary';
import { zh } from '../../../../web/src/i18n/zh';
import {
  CHANNEL_ZH,
  CLOCK_ZH,
  clockOf,
  contentDisposition,
  ledgerFileNames,
  percent,
  SATISFACTION_ZH,
  scoreText,
  scoreValue,
  STATUS_ZH,
} from './formats';

describe('the words and numbers of every file the ledger makes', () => {
  it('statuses are the web app’s words (apps/web/src/i18n/zh.ts), every one of them', () => {
    const web = Object.fromEntries(
      Object.entries(zh)
        .filter(([k]) => k.startsWith('status.'))
        .map(([k, v]) => [k.slice('status.'.length), v]),
    );
    expect(STATUS_ZH).toEqual(web);
    expect(STATUS_ZH.closed).toBe('已关闭');
  });

  it('clocks and ratings are the web app’s words too', () => {
    for (const k of Object.keys(CLOCK_ZH) as (keyof typeof CLOCK_ZH)[])
      expect([k, CLOCK_ZH[k]]).toEqual([k, zh[`dueKind.${k}` as keyof typeof zh]]);
    for (const k of Object.keys(SATISFACTION_ZH))
      expect([k, SATISFACTION_ZH[k]]).toEqual([k, zh[`satisfaction.${k}` as keyof typeof zh]]);
    expect(CLOCK_ZH.respond).toBe(GLOSSARY.respondDeadline.zh);
    expect(E.ledger).toBe('ledger');
  });

  it('channels are the words of the intake form (代为登记) and the ticket page', () => {
    for (const k of ['phone', 'walk_in', 'group_chat', 'letter'])
      expect([k, CHANNEL_ZH[k]]).toEqual([k, zh[`intake.channel.${k}` as keyof typeof zh]]);
    expect(CHANNEL_ZH.visit).toBe(GLOSSARY.fromVisit.zh);
  });

  it('the clock in force follows the status, as the ticket lists show it', () => {
    expect(clockOf('triage')).toBe('triage');
    expect(clockOf('assigned')).toBe('respond');
    expect(clockOf('reopened')).toBe('respond');
    expect(clockOf('in_progress')).toBe('resolve');
    expect(clockOf('transfer_requested')).toBe('resolve');
    expect(clockOf('resolved')).toBe('feedback');
    expect(clockOf('closed')).toBeNull();
    expect(clockOf('withdrawn')).toBeNull();
  });

  it('scores as the dashboard shows them: 0–100, one decimal', () => {
    expect(scoreValue(0.9667)).toBe(96.7);
    expect(scoreText(0.9667)).toBe('96.7');
    expect(scoreText(1)).toBe('100.0');
    expect(scoreText(0.95)).toBe('95.0');
    expect(scoreText(null)).toBe('—');
    expect(percent(0.8889)).toBe('88.9%');
    expect(percent(null)).toBe('—');
  });

  it('file names: the month when the range is one, RFC 5987 with an ASCII fallback', () => {
    expect(ledgerFileNames('2026-12-01', '2026-12-31', 'xlsx')).toEqual({
      zh: '台账_2026-12.xlsx',
      ascii: 'ledger_2026-12.xlsx',
    });
    expect(ledgerFileNames('2026-02-01', '2026-02-28', 'csv').zh).toBe('台账_2026-02.csv');
    expect(ledgerFileNames('2026-12-01', '2026-12-15', 'csv').ascii).toBe('ledger_2026-12-01_2026-12-15.csv');
    expect(contentDisposition('季度督查_2026-Q4.pdf', 'quarterly-inspection_2026-Q4.pdf')).toBe(
      `attachment; filename="quarterly-inspection_2026-Q4.pdf"; filename*=UTF-8''${encodeURIComponent('季度督查_2026-Q4.pdf')}`,
    );
    expect(contentDisposition('x(1).pdf', 'x"y.pdf')).toBe(
      `attachment; filename="x_y.pdf"; filename*=UTF-8''x%281%29.pdf`,
    );
  });
});
