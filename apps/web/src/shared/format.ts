import type { Translate } from '../i18n/i18n';

// Formatting without any component library: the login page's error messages use it too.

export function formatSpan(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('deadline.days', { n: days }) + (hours ? t('deadline.hours', { n: hours }) : '');
  if (hours > 0) return t('deadline.hours', { n: hours }) + (mins ? t('deadline.minutes', { n: mins }) : '');
  return t('deadline.minutes', { n: mins });
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "5月12日" / "12 May": the day a promise is made for, in the reader's words. */
export function formatDay(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  });
}
