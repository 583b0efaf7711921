import { Alert, Card, Col, Row, Statistic, Tooltip } from 'antd';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useCapability } from '../../shared/capabilities';
import { useAsync } from '../../shared/use-async';

export const OVERVIEW = '/api/v1/ledger/dashboard/overview';

const RATES: [string, MessageKey][] = [
  ['responseRate', 'rate.response'],
  ['onTimeResolutionRate', 'rate.onTimeResolution'],
  ['replyRate', 'rate.reply'],
  ['resolutionRate', 'rate.resolution'],
  ['satisfactionRate', 'rate.satisfaction'],
  ['transferRate', 'rate.transfer'],
  ['reopenRate', 'rate.reopen'],
];

interface Figure {
  value: number | null;
  numerator?: number;
  denominator?: number;
  formula?: string;
}

/** A rate may come as a bare number or as {value|rate, numerator, denominator, formula}. */
function readFigure(raw: unknown): Figure | null {
  if (typeof raw === 'number') return { value: raw };
  if (raw && typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    const v = typeof o.value === 'number' ? o.value : typeof o.rate === 'number' ? o.rate : null;
    return {
      value: v,
      numerator: typeof o.numerator === 'number' ? o.numerator : undefined,
      denominator: typeof o.denominator === 'number' ? o.denominator : undefined,
      formula:
        typeof o.formula === 'string' ? o.formula : typeof o.formulaZh === 'string' ? o.formulaZh : undefined,
    };
  }
  return null;
}

/** The ledger's rates (三率 and the rest), each with its formula, when the ledger service is there. */
export function LedgerFigures({ tick }: { tick: number }) {
  const { t } = useI18n();
  const has = useCapability('GET', OVERVIEW);
  const state = useAsync(async () => (has ? api<Record<string, unknown>>(OVERVIEW) : null), [has, tick]);
  if (has === false) return <Alert type="info" showIcon title={t('dashboard.noLedger')} />;
  const data = state.data;
  if (!data) return null;
  const source = (data.figures ?? data.rates ?? data) as Record<string, unknown>;
  return (
    <Row gutter={[16, 16]} data-testid="rates">
      {RATES.map(([key, label]) => {
        const f = readFigure(source[key]);
        const pct =
          f?.value === null || f?.value === undefined ? null : f.value <= 1 ? f.value * 100 : f.value;
        return (
          <Col xs={12} md={6} xl={3} key={key} style={{ flex: '1 1 0' }}>
            <Tooltip title={f?.formula}>
              <Card size="small">
                <Statistic
                  title={t(label)}
                  value={pct === null ? '—' : pct}
                  precision={pct === null ? undefined : 1}
                  suffix={pct === null ? undefined : '%'}
                />
                {f?.denominator !== undefined && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                    {f.numerator ?? '—'} / {f.denominator}
                  </div>
                )}
              </Card>
            </Tooltip>
          </Col>
        );
      })}
    </Row>
  );
}
