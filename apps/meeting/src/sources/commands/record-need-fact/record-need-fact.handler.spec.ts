import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryAgendaSources } from '../../infrastructure/agenda-sources.in-memory-repository';
import { RecordNeedFactCommand } from './record-need-fact.command';
import { RecordNeedFactHandler } from './record-need-fact.handler';

const NEED = '0190f1f0-0000-7000-8000-000000000301';

describe('RecordNeedFactHandler', () => {
  it('keeps the title of the added need through its updates', async () => {
    const sources = new InMemoryAgendaSources();
    const h = new RecordNeedFactHandler(new InlineUnitOfWork(), sources);
    const base = { needId: NEED, enterpriseId: 'ent-1', kind: 'matching', ownerDepartmentId: null };
    await h.execute(
      RecordNeedFactCommand.create({
        ...base,
        status: 'open',
        asOf: new Date('2026-03-01'),
        title: '寻找铝材供应商',
        enterpriseName: '六枝机械厂',
      }),
    );
    await h.execute(
      RecordNeedFactCommand.create({
        ...base,
        status: 'in_progress',
        ownerDepartmentId: 'dep-1',
        asOf: new Date('2026-03-02'),
      }),
    );
    expect(await sources.findNeed(NEED)).toEqual({
      needId: NEED,
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      title: '寻找铝材供应商',
      kind: 'matching',
      status: 'in_progress',
      ownerDepartmentId: 'dep-1',
    });
  });
});
