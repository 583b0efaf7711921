import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { Locale, Translate } from '../i18n/i18n';
import { formatDateTime } from './format';

/**
 * The API names fields in English ("title is required"); in Chinese the same rule reads better as
 * the form's own wording, so known shapes are rephrased and anything else is shown as the API said it.
 */
export function localizeServerMessage(message: string, locale: Locale, t: Translate, label?: string): string {
  if (locale === 'en') return message;
  const field = label ?? '';
  let m: RegExpMatchArray | null;
  if (/ is required$| must not be empty$/.test(message)) return t('common.requiredField', { field });
  if ((m = message.match(/must be at most (\d+) characters/)))
    return t('common.maxLength', { field, max: m[1] });
  if (/contact\.phone must be a mainland China mobile/.test(message)) return t('whistle.phoneInvalid');
  if ((m = message.match(/must be later than the current resolve deadline \((.+)\)/)))
    return t('common.laterThanDeadline', { at: formatDateTime(m[1], locale) });
  return message;
}

export function problemMessage(e: unknown, t: Translate): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('common.offline');
    if (e.status === 503) return t('common.unavailable');
    if (e.fieldErrors.length)
      return e.fieldErrors.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('\n');
    return e.detail || e.title;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Put the API's field errors under the form controls they belong to ("contact.phone" → the
 * control named ['contact', 'phone']). Returns false when some error fits no control, so the caller
 * shows the whole problem instead.
 */
export function applyFieldErrors(
  form: FormInstance,
  e: unknown,
  locale: Locale,
  t: Translate,
  labels: Record<string, string> = {},
): boolean {
  if (!(e instanceof ApiError) || !e.fieldErrors.length) return false;
  const known = new Set(Object.keys(labels));
  let allPlaced = true;
  const fields = e.fieldErrors
    .filter((f) => {
      const ok = known.has(f.field);
      if (!ok) allPlaced = false;
      return ok;
    })
    .map((f) => ({
      name: f.field.split('.'),
      errors: f.messages.map((m) => localizeServerMessage(m, locale, t, labels[f.field])),
    }));
  form.setFields(fields);
  return allPlaced;
}
