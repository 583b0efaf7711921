import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { Decision } from '../decisions/domain/decision.aggregate';
import { InMemoryDecisionRepository } from '../decisions/infrastructure/decision.in-memory-repository';
import { InMemoryMeetingDirectory } from '../directory/infrastructure/meeting-directory.in-memory-repository';
import { InMemoryMeetingRepository } from '../meetings/infrastructure/meeting.in-memory-repository';
import { InMemoryAgendaSources } from '../sources/infrastructure/agenda-sources.in-memory-repository';

/** The people of the handler specs: one of each role, and a department that is not concerned. */
export const people = {
  committee: { id: 'u-com', role: 'committee', name: '张书记' } as AuthUser,
  admin: { id: 'u-admin', role: 'admin', name: 'admin' } as AuthUser,
  transport: { id: 'u-dep-tr', role: 'department', name: '交通运输局', departmentId: 'dep-tr' } as AuthUser,
  urban: { id: 'u-dep-ur', role: 'department', name: '城管局', departmentId: 'dep-ur' } as AuthUser,
  tax: { id: 'u-dep-tax', role: 'department', name: '税务局', departmentId: 'dep-tax' } as AuthUser,
  enterprise: { id: 'u-ent', role: 'enterprise', name: '六枝机械厂', enterpriseId: 'ent-1' } as AuthUser,
  otherEnterprise: { id: 'u-ent-2', role: 'enterprise', name: '高新电子', enterpriseId: 'ent-2' } as AuthUser,
  instructor: { id: 'u-ins', role: 'instructor', name: '李指导员', gridIds: ['grid-1'] } as AuthUser,
};

export const TICKET = '0190f1f0-0000-7000-8000-000000000101';
export const OTHER_TICKET = '0190f1f0-0000-7000-8000-000000000102';
export const NEED = '0190f1f0-0000-7000-8000-000000000201';
export const MEETING = '0190f1f0-0000-7000-8000-000000000301';
export const NEXT_MEETING = '0190f1f0-0000-7000-8000-000000000302';
export const STARTS = new Date('2026-03-20T06:30:00Z');

/** A directory, a ticket the ladder sent (道路破损, 交通运输局 leading, 城管局 helping), another ticket and a need. */
export async function kit() {
  const uow = new InlineUnitOfWork();
  const directory = new InMemoryMeetingDirectory();
  const asOf = new Date('2026-01-01T00:00:00Z');
  for (const [id, code, name] of [
    ['dep-tr', 'transport', '交通运输局'],
    ['dep-ur', 'urban_mgmt', '城管局'],
    ['dep-tax', 'tax', '税务局'],
  ])
    await directory.upsertDepartment({ id, code, name, active: true }, asOf);
  await directory.upsertDepartment({ id: 'dep-old', code: 'old', name: '已撤销局', active: false }, asOf);
  await directory.upsertEnterprise({ id: 'ent-1', name: '六枝机械厂', active: true }, asOf);
  await directory.upsertEnterprise({ id: 'ent-2', name: '高新电子', active: true }, asOf);
  await directory.upsertUser({ id: 'u-com', displayName: '张书记', role: 'committee', active: true }, asOf);
  await directory.upsertUser({ id: 'u-com-2', displayName: '李主任', role: 'committee', active: true }, asOf);
  await directory.upsertUser({ id: 'u-ent', displayName: '机械厂', role: 'enterprise', active: true }, asOf);
  const sources = new InMemoryAgendaSources();
  await sources.applyTickets([
    {
      ticketId: TICKET,
      number: 'CS-2026-000001',
      title: '厂区门口道路破损',
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      leadDepartmentId: 'dep-tr',
      coHandlerDepartmentIds: ['dep-ur'],
      status: 'in_progress',
      sourceVersion: 5,
    },
    {
      ticketId: OTHER_TICKET,
      number: 'CS-2026-000002',
      title: '增值税留抵退税',
      enterpriseId: 'ent-2',
      enterpriseName: '高新电子',
      leadDepartmentId: 'dep-tax',
      coHandlerDepartmentIds: [],
      status: 'in_progress',
      sourceVersion: 3,
    },
  ]);
  await sources.applyNeed({
    needId: NEED,
    enterpriseId: 'ent-2',
    enterpriseName: '高新电子',
    title: '寻找铝材供应商',
    kind: 'matching',
    status: 'open',
    ownerDepartmentId: null,
    asOf,
  });
  await sources.raiseCandidate({
    ticketId: TICKET,
    reason: 'escalation',
    at: new Date('2026-03-01'),
    note: '',
  });
  return {
    uow,
    directory,
    sources,
    meetings: new InMemoryMeetingRepository(),
    decisions: new InMemoryDecisionRepository(),
  };
}

/** An open decision of an earlier meeting, on the ticket: 交通运输局 leads, 城管局 co-handles, 10 working days. */
export function openDecision(id = '0190f1f0-0000-7000-8000-000000000401', meetingId = MEETING): Decision {
  return Decision.make(
    {
      id,
      meetingId,
      itemId: '0190f1f0-0000-7000-8000-000000000501',
      ticketId: TICKET,
      needId: null,
      enterpriseId: 'ent-1',
      title: '厂区门口道路破损',
      task: '修复道路',
      leadDepartmentId: 'dep-tr',
      coHandlerDepartmentIds: ['dep-ur'],
      dueWorkingDays: 10,
      cooperation: false,
      decidedAt: STARTS,
    },
    { id: 'u-com', role: 'committee' },
  );
}

/** The DomainError a promise rejects with (fails the spec when it resolves or throws something else). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

/** The fields a 400 names. */
export const fields = (e: DomainError): string[] =>
  ((e.details as { errors?: { field: string }[] })?.errors ?? []).map((f) => f.field);
