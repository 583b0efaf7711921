import { EventEnvelope } from '@ticketing/contracts';
import { DEP_A, DEP_B, DEP_C, directoryEvent, Lifecycle } from './ledger-test-kit';

/** 09:00 on Monday 2 March 2026 in China. Every fixture ticket is submitted then: month 2026-03. */
export const T0 = new Date('2026-03-02T01:00:00Z');
export const MONTH = '2026-03';

const life = (n: number, extra: Partial<ConstructorParameters<typeof Lifecycle>[0]> = {}) =>
  new Lifecycle({ ticketId: `t-fix-${String(n).padStart(2, '0')}`, ...extra }, T0).submit(
    `诉求 ${n}：厂区道路破损`,
    `第 ${n} 号诉求，联系人张三`,
  );

/**
 * Ten tickets whose figures are computed by hand in the spec: on time, late, no feedback, reopened,
 * transferred, extended, withdrawn, joint handling, open with a yellow card, open with a red card
 * and on the joint-meeting agenda.
 */
export function rateFixtures(): EventEnvelope<Record<string, unknown>>[] {
  const directory = [
    directoryEvent('directory.department-upserted', {
      id: DEP_A,
      code: 'hrss',
      name: '人社局',
      nameEn: 'HRSS',
      active: true,
    }),
    directoryEvent('directory.department-upserted', {
      id: DEP_B,
      code: 'miit',
      name: '工信局',
      nameEn: 'MIIT',
      active: true,
    }),
    directoryEvent('directory.department-upserted', {
      id: DEP_C,
      code: 'treasury',
      name: '财政局',
      nameEn: 'Treasury',
      active: true,
    }),
    directoryEvent('directory.grid-upserted', {
      id: 'grid-1',
      code: 'G1',
      name: '第一网格',
      instructorUserIds: ['u-instructor'],
    }),
    directoryEvent('directory.enterprise-upserted', {
      id: 'ent-1',
      name: '六枝宏达机械有限公司',
      creditCode: '91520203MA6DXXXX1X',
      gridId: 'grid-1',
      contacts: [],
      active: true,
    }),
  ];
  const t1 = life(1)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(8)
    .resolve()
    .reply()
    .after(1)
    .feedback('satisfied', true)
    .close('feedback');
  const t2 = life(2)
    .after(1)
    .assign(DEP_A)
    .after(4)
    .breach('respond')
    .after(1)
    .acknowledge()
    .after(72)
    .breach('resolve')
    .after(4)
    .resolve()
    .reply()
    .after(1)
    .feedback('basically_satisfied', true)
    .close('feedback');
  const t3 = life(3)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(8)
    .resolve()
    .reply()
    .after(200)
    .close('no_feedback');
  const t4 = life(4)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(8)
    .resolve()
    .reply()
    .after(1)
    .feedback('unsatisfied', false)
    .after(1)
    .ticket('ticket.reopened', 'reopened', { reason: '问题仍未解决', reopenCount: 1 })
    .after(1)
    .signFor()
    .after(20)
    .resolve('二次办理：已修复')
    .reply()
    .after(1)
    .feedback('satisfied', true)
    .close('feedback');
  const t5 = life(5)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(1)
    .ticket('ticket.transfer-requested', 'transfer_requested', {
      departmentId: DEP_A,
      reason: '不属于本部门职责',
    })
    .after(1)
    .other('dispatch.transfer-decided', {
      ticketId: 't-fix-05',
      approved: true,
      fromDepartmentId: DEP_A,
      leadDepartmentId: DEP_B,
      coHandlerDepartmentIds: [],
      note: '同意转办',
    })
    .assign(DEP_B, 'transfer')
    .after(1)
    .acknowledge()
    .after(5)
    .resolve()
    .reply()
    .after(1)
    .feedback('satisfied', true)
    .close('feedback');
  const t6 = life(6).after(1).assign(DEP_A).after(1).acknowledge();
  t6.after(10)
    .ticket('ticket.extension-decided', 'in_progress', {
      approved: true,
      newDueAt: new Date(T0.getTime() + 122 * 3600_000).toISOString(),
      note: '同意延期',
    })
    .sla('sla.deadline-set', 'resolve', 110, { reason: 'extended' })
    .after(86)
    .breach('reply')
    .after(2)
    .resolve()
    .reply()
    .after(1)
    .feedback('satisfied', true)
    .close('feedback');
  const t7 = life(7)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .ticket('ticket.withdrawn', 'withdrawn', { departmentId: null, reason: '企业已自行解决' })
    .close('withdrawn');
  const t8 = life(8, { coHandlers: [DEP_C] })
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(8)
    .resolve()
    .reply()
    .after(1)
    .feedback('basically_satisfied', false)
    .close('feedback');
  const t9 = life(9).after(1).assign(DEP_A).after(1).acknowledge().after(60).warn('resolve');
  const t10 = life(10)
    .after(1)
    .assign(DEP_A)
    .after(1)
    .acknowledge()
    .after(72)
    .breach('resolve')
    .sla('sla.escalated', 'resolve', 0, { step: 'joint_meeting', stepIndex: 2 });
  return [...directory, ...[t1, t2, t3, t4, t5, t6, t7, t8, t9, t10].flatMap((l) => l.events)];
}
