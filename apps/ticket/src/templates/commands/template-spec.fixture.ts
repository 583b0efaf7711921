import { DomainError } from '@ticketing/contracts';
import { AuthUser } from '@ticketing/auth';
import { InlineUnitOfWork } from '@ticketing/testing';
import { ReplyTemplate } from '../domain/reply-template.aggregate';
import { InMemoryReplyTemplateRepository } from '../infrastructure/reply-template.in-memory-repository';

export const staff = {
  committee: { id: 'u-com', role: 'committee', name: '综合党委' } as AuthUser,
  hrss: { id: 'u-hrss', role: 'department', name: '人社局', departmentId: 'dep-hrss' } as AuthUser,
  tax: { id: 'u-tax', role: 'department', name: '税务局', departmentId: 'dep-tax' } as AuthUser,
  enterprise: { id: 'u-ent', role: 'enterprise', name: '企业', enterpriseId: 'ent-1' } as AuthUser,
};
export const ZONE_ID = '0190f1f0-0000-7000-8000-0000000000d1';
export const HRSS_ID = '0190f1f0-0000-7000-8000-0000000000d2';

/** A zone template and one of hrss, in memory. */
export function templateKit() {
  const uow = new InlineUnitOfWork();
  const templates = new InMemoryReplyTemplateRepository();
  const at = new Date('2026-03-01T00:00:00Z');
  for (const [id, scope, departmentId, title] of [
    [ZONE_ID, 'zone', null, '已受理'],
    [HRSS_ID, 'department', 'dep-hrss', '招聘会通知'],
  ] as const) {
    const t = ReplyTemplate.create(
      { id, scope, departmentId, title, body: `${title}：{number}` },
      { id: 'seed', role: 'system' },
      at,
    );
    t.pullChanges();
    templates.rows.set(id, { ...t.snapshot() });
  }
  return { uow, templates };
}

/** The DomainError a promise rejects with (fails the spec when it resolves or throws something else). */
export async function refusalOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}
