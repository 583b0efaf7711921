import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryOutreachDirectory } from '../../infrastructure/outreach-directory.in-memory-repository';
import { CopyEnterpriseCommand } from './copy-enterprise.command';
import { CopyEnterpriseHandler } from './copy-enterprise.handler';

describe('CopyEnterpriseHandler', () => {
  it('keeps the newest copy: a late redelivery of an older upsert does not move the enterprise back', async () => {
    const directory = new InMemoryOutreachDirectory();
    const uow = new InlineUnitOfWork();
    const handler = new CopyEnterpriseHandler(uow, directory);
    await handler.execute(
      CopyEnterpriseCommand.create({
        id: 'ent-1',
        name: '新名',
        gridId: 'grid-2',
        active: true,
        asOf: new Date('2026-03-02'),
      }),
    );
    await handler.execute(
      CopyEnterpriseCommand.create({
        id: 'ent-1',
        name: '旧名',
        gridId: 'grid-1',
        active: true,
        asOf: new Date('2026-03-01'),
      }),
    );
    expect(await directory.findEnterprise('ent-1')).toMatchObject({ name: '新名', gridId: 'grid-2' });
    expect(await directory.enterprisesInGrids(['grid-2'])).toHaveLength(1);
    expect(uow.transactions).toBe(2);
  });

  it('refuses a copy without an id', () => {
    expect(() =>
      CopyEnterpriseCommand.create({ id: '', name: 'x', gridId: null, active: true, asOf: new Date() }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
