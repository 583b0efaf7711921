import { Alert, App, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Enterprise, Page, SmsPreference, TicketDetail, TicketSummary } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../shared/problems';

const PATH = '/api/v1/notify/sms-preference';

/**
 * Where an SMS goes: each ticket's contact phone. The choice itself does not name one, so the last
 * one given is shown (the whistle form offers it again), or the enterprise's contact on record.
 */
async function likelyPhone(enterpriseId: string | null): Promise<{ last?: string; file?: string }> {
  const last = await api<Page<TicketSummary>>('/api/v1/tickets', { query: { limit: 1 } });
  if (last.items.length)
    return { last: (await api<TicketDetail>(`/api/v1/tickets/${last.items[0].id}`)).contact.phone };
  if (!enterpriseId) return {};
  const phone = (await api<Enterprise>(`/api/v1/identity/enterprises/${enterpriseId}`)).contacts[0]?.phone;
  return phone ? { file: phone } : {};
}

/**
 * 短信提醒 on 我的诉求: an enterprise user turns the SMS about its tickets off and on. The choice
 * carries its version; a change made meanwhile elsewhere (409) is read again and said so.
 */
export function SmsSwitch() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const titleId = useId();
  const [pref, setPref] = useState<SmsPreference>();
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<boolean>();
  const [phone, setPhone] = useState<{ last?: string; file?: string }>({});

  useEffect(() => {
    let live = true;
    api<SmsPreference>(PATH).then(
      (p) => live && setPref(p),
      (e: unknown) => live && setFailed(problemMessage(e, t)),
    );
    likelyPhone(user.enterpriseId).then(
      (p) => live && setPhone(p),
      () => undefined, // the phone is a hint; the switch works without it
    );
    return () => {
      live = false;
    };
    // Read once when the page opens; t changing (language) needs no new read.
  }, [user.enterpriseId]);

  const set = async (enabled: boolean) => {
    if (!pref) return;
    setBusy(true);
    setConflict(undefined);
    setFailed(undefined);
    try {
      const next = await api<SmsPreference>(PATH, {
        method: 'PUT',
        body: { enabled, expectedVersion: pref.version },
      });
      setPref(next);
      message.success(t(next.enabled ? 'sms.turnedOn' : 'sms.turnedOff'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        try {
          setPref(await api<SmsPreference>(PATH));
          setConflict(true);
        } catch (again) {
          setFailed(problemMessage(again, t));
        }
      } else setFailed(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const where = phone.last
    ? t('sms.phoneLast', { phone: phone.last })
    : phone.file
      ? t('sms.phoneFile', { phone: phone.file })
      : t('sms.phoneEach');

  return (
    <section
      data-testid="sms-preference"
      data-enabled={pref ? String(pref.enabled) : undefined}
      aria-labelledby={titleId}
      style={{
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        padding: '12px 16px',
        marginBottom: 16,
        background: '#fafafa',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <h2 id={titleId} style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>
          {t('sms.title')}
        </h2>
        {pref ? (
          <>
            <Switch
              checked={pref.enabled}
              loading={busy}
              onChange={(on) => void set(on)}
              aria-labelledby={titleId}
              data-testid="sms-switch"
            />
            <span data-testid="sms-state">{t(pref.enabled ? 'sms.on' : 'sms.off')}</span>
          </>
        ) : (
          !failed && <Skeleton.Button active size="small" />
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('sms.explain')}
        {locale === 'en' ? ' ' : ''}
        <span data-testid="sms-phone">{where}</span>
      </Typography.Paragraph>
      {conflict && pref && (
        <Alert
          role="status"
          type="warning"
          showIcon
          closable
          onClose={() => setConflict(undefined)}
          data-testid="sms-conflict"
          style={{ marginTop: 8 }}
          title={t('sms.conflict', { state: t(pref.enabled ? 'sms.on' : 'sms.off') })}
        />
      )}
      {failed && <Alert role="alert" type="error" showIcon style={{ marginTop: 8 }} title={failed} />}
    </section>
  );
}
