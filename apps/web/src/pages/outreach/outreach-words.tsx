import { Tag } from 'antd';
import { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import type { NeedStatus, TaskReason, WorkKind } from './outreach-api';

/** A section's heading inside a page (the page's own title is its one h1). */
export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 style={{ fontSize: 16, fontWeight: 600, margin: 0, lineHeight: 1.5 }}>{children}</h2>;
}

const REASON_COLOURS: Record<TaskReason, string> = {
  key_enterprise: 'volcano',
  due: 'blue',
  added: 'default',
};

/** Why an enterprise is on the task list: 重点企业, due by the visiting interval, or added by hand. */
export function ReasonTag({ reason }: { reason: TaskReason }) {
  const { t } = useI18n();
  return <Tag color={REASON_COLOURS[reason]}>{t(`task.reason.${reason}` as MessageKey)}</Tag>;
}

export function VisitModeText({ mode }: { mode: string }) {
  const { t } = useI18n();
  return <>{t(`visit.mode.${mode}` as MessageKey)}</>;
}

const NEED_COLOURS: Record<NeedStatus, string> = {
  open: 'orange',
  in_progress: 'blue',
  met: 'green',
  closed: 'default',
};

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={NEED_COLOURS[status]} data-need-status={status}>
      {t(`need.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function WorkKindTag({ kind }: { kind: WorkKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'visit' ? 'blue' : 'default'}>{t(`work.kind.${kind}` as MessageKey)}</Tag>;
}

export { FromVisitTag } from '../../shared/tags';
