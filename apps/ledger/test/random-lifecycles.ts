import { DEFAULT_CATEGORIES, EventEnvelope } from '@ticketing/contracts';
import { Lifecycle } from './ledger-test-kit';

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['dep-r1', 'dep-r2', 'dep-r3', 'dep-r4', 'dep-r5'];
const GRIDS = ['grid-r1', 'grid-r2', 'grid-r3', null];
const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/** One ticket's life with random turns: triage, withdrawal, late steps, transfers, extensions, reopens, escalations. */
export function randomLifecycle(i: number, rnd: () => number): EventEnvelope<Record<string, unknown>>[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const start = new Date(
    Date.UTC(2026, Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24)),
  );
  const lead = pick(DEPARTMENTS);
  const l = new Lifecycle(
    {
      ticketId: `t-rnd-${String(i).padStart(5, '0')}`,
      enterpriseId: `ent-r${i % 40}`,
      category: pick(DEFAULT_CATEGORIES).code,
      gridId: pick(GRIDS),
      coHandlers: chance(0.15) ? [pick(DEPARTMENTS.filter((d) => d !== lead))] : [],
    },
    start,
  ).submit();
  if (chance(0.05))
    return l.after(1).ticket('ticket.triage-queued', 'triage', { departmentId: null, reason: '无匹配规则' })
      .events;
  l.after(rnd() * 3).assign(lead, chance(0.8) ? 'rule' : 'manual', 2 + rnd() * 6);
  if (chance(0.05))
    return l
      .after(rnd())
      .ticket('ticket.withdrawn', 'withdrawn', { departmentId: null, reason: '撤回' })
      .close('withdrawn').events;
  if (chance(0.15)) l.after(3).warn('respond');
  if (chance(0.2)) l.after(8).breach('respond');
  l.after(rnd() * 10).acknowledge(24 + rnd() * 100, 48 + rnd() * 100);
  if (chance(0.1)) {
    const to = pick(DEPARTMENTS.filter((d) => d !== l.lead));
    l.after(rnd() * 5).ticket('ticket.transfer-requested', 'transfer_requested', {
      departmentId: l.lead,
      reason: '非本部门职责',
    });
    if (chance(0.7)) {
      l.after(rnd() * 5).other('dispatch.transfer-decided', {
        ticketId: l.t.ticketId,
        approved: true,
        fromDepartmentId: l.lead,
        leadDepartmentId: to,
        coHandlerDepartmentIds: [],
        note: '同意',
      });
      l.assign(to, 'transfer')
        .after(rnd() * 8)
        .acknowledge(24 + rnd() * 100, 48 + rnd() * 100);
    } else {
      l.ticket('ticket.transfer-rejected', 'in_progress', { departmentId: l.lead, reason: '驳回' });
    }
  }
  if (chance(0.1)) {
    const newDue = new Date(l.at().getTime() + (50 + rnd() * 100) * 3600_000).toISOString();
    l.after(rnd() * 10).ticket('ticket.extension-decided', 'in_progress', {
      approved: chance(0.8),
      newDueAt: newDue,
      note: null,
    });
  }
  if (chance(0.2)) l.after(rnd() * 40).warn('resolve');
  if (chance(0.15)) l.after(rnd() * 60).breach('resolve');
  if (chance(0.04))
    l.sla('sla.escalated', 'resolve', 0, {
      step: pick(['urge', 'supervise', 'joint_meeting']),
      stepIndex: 1,
    });
  if (chance(0.03))
    l.ticket('ticket.supervised', 'in_progress', {
      level: pick(['urge', 'supervise', 'joint_meeting']),
      note: '督办',
    });
  if (chance(0.12)) return l.events; // still open
  l.after(rnd() * 80).resolve();
  if (chance(0.1)) l.breach('reply');
  if (chance(0.9)) l.after(rnd() * 30).reply();
  let rounds = 0;
  while (chance(0.75)) {
    const s = pick(SATISFACTION);
    l.after(rnd() * 48).feedback(s, s !== 'unsatisfied' && chance(0.8));
    if (s !== 'unsatisfied' || rounds >= 2 || chance(0.3)) return l.close('feedback').events;
    rounds++;
    l.after(1).ticket('ticket.reopened', 'reopened', { reason: '不满意', reopenCount: rounds });
    l.after(rnd() * 5)
      .signFor()
      .after(rnd() * 40)
      .resolve()
      .reply();
  }
  return l.after(240).close('no_feedback').events;
}
