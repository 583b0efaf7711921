import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { InMemoryOutreachDirectory } from '../directory/infrastructure/outreach-directory.in-memory-repository';

/** The people of the handler specs: one of each role, and someone of another grid or enterprise. */
export const people = {
  instructor: { id: 'u-ins', role: 'instructor', name: '李指导员', gridIds: ['grid-1'] } as AuthUser,
  otherInstructor: { id: 'u-ins-2', role: 'instructor', name: '王指导员', gridIds: ['grid-2'] } as AuthUser,
  enterprise: { id: 'u-ent', role: 'enterprise', name: '机械厂', enterpriseId: 'ent-1' } as AuthUser,
  otherEnterprise: { id: 'u-ent-2', role: 'enterprise', name: '电子厂', enterpriseId: 'ent-2' } as AuthUser,
  department: { id: 'u-dep', role: 'department', name: '人社局', departmentId: 'dep-1' } as AuthUser,
  otherDepartment: { id: 'u-dep-2', role: 'department', name: '税务局', departmentId: 'dep-2' } as AuthUser,
  committee: { id: 'u-com', role: 'committee', name: '综合党委' } as AuthUser,
  admin: { id: 'u-admin', role: 'admin', name: 'admin' } as AuthUser,
};

export const NOW = new Date('2026-03-10T02:00:00Z');

/** A directory copy: grid-1 (李指导员) holds ent-1 and ent-3, grid-2 (王指导员) holds ent-2. */
export async function seededDirectory(): Promise<InMemoryOutreachDirectory> {
  const d = new InMemoryOutreachDirectory();
  const asOf = new Date('2026-01-01T00:00:00Z');
  await d.upsertGrid({ id: 'grid-1', code: 'east', name: '东区网格', instructorUserIds: ['u-ins'] }, asOf);
  await d.upsertGrid({ id: 'grid-2', code: 'west', name: '西区网格', instructorUserIds: ['u-ins-2'] }, asOf);
  for (const [id, name, gridId, active] of [
    ['ent-1', '六枝机械厂', 'grid-1', true],
    ['ent-2', '高新电子', 'grid-2', true],
    ['ent-3', '恒达建材', 'grid-1', true],
    ['ent-9', '已注销公司', 'grid-1', false],
  ] as const) {
    await d.upsertEnterprise({ id, name, gridId, active }, asOf);
  }
  const user = (id: string, displayName: string, role: string, gridIds: string[] = []) =>
    d.upsertUser(
      { id, displayName, role, gridIds, departmentId: null, enterpriseId: null, active: true },
      asOf,
    );
  await user('u-ins', '李指导员', 'instructor', ['grid-1']);
  await user('u-ins-2', '王指导员', 'instructor', ['grid-2']);
  await user('u-com', '张书记', 'committee');
  await user('u-ent', '机械厂', 'enterprise');
  await d.upsertDepartment({ id: 'dep-1', code: 'hrss', name: '人社局', active: true }, asOf);
  await d.upsertDepartment({ id: 'dep-2', code: 'tax', name: '税务局', active: true }, asOf);
  return d;
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
