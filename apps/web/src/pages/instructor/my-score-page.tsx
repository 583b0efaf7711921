import { Card, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { InstructorExplanation, PeriodPicker } from '../outreach/instructor-score';
import { InstructorExplained, LEDGER_INSTRUCTORS } from '../outreach/outreach-api';
import { zoneMonth } from '../outreach/zone-time';

/** 我的积分: the instructor's own 量化积分 for a month, quarter or year, explained from the ledger. */
export function MyScorePage() {
  const { t } = useI18n();
  const user = useUser();
  const [period, setPeriod] = useState(zoneMonth());
  const state = useAsync(
    () =>
      api<InstructorExplained>(`${LEDGER_INSTRUCTORS}/${encodeURIComponent(user.id)}/figures`, {
        query: { period },
      }),
    [user.id, period],
  );
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="my-score"
      title={<h1 className="page-title">{t('nav.myScore')}</h1>}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PeriodPicker id="my-score-period" value={period} onChange={setPeriod} />
        <AsyncView state={state}>{(data) => <InstructorExplanation data={data} />}</AsyncView>
      </Space>
    </Card>
  );
}
