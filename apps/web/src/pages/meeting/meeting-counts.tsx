import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';

export interface MeetingCounts {
  held: number;
  decided: number;
  solved: number;
  cooperations: number;
}

/**
 * 召开联席会议 / 议定事项 / 协调解决 / 推动达成合作: the four counts the zones publish, each with the
 * formula behind it on hover, linking to the meetings.
 */
export function MeetingCountCards({
  counts,
  definitions,
  caption,
}: {
  counts: MeetingCounts;
  definitions?: Partial<Record<keyof MeetingCounts, string>>;
  caption?: string;
}) {
  const { t } = useI18n();
  const cards: { key: keyof MeetingCounts; label: string; suffix: string }[] = [
    { key: 'held', label: t('meeting.count.held'), suffix: t('meeting.unit.times') },
    { key: 'decided', label: t('meeting.count.decided'), suffix: t('meeting.unit.items') },
    { key: 'solved', label: t('meeting.count.solved'), suffix: t('meeting.unit.items') },
    { key: 'cooperations', label: t('meeting.count.cooperations'), suffix: t('meeting.unit.deals') },
  ];
  return (
    <div data-testid="meeting-counts">
      {caption && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {caption}
        </Typography.Text>
      )}
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <Card size="small" data-count={c.key}>
              <Tooltip title={definitions?.[c.key]}>
                <Link to="/meetings" style={{ color: 'inherit' }}>
                  <Statistic title={c.label} value={counts[c.key]} suffix={c.suffix} />
                </Link>
              </Tooltip>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
