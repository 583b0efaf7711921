import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryEnterpriseDirectory } from '../../infrastructure/enterprise-directory.in-memory-repository';
import { CopyDepartmentCommand } from './copy-department.command';
import { CopyDepartmentHandler } from './copy-department.handler';

describe('CopyDepartmentHandler', () => {
  it('keeps the newest copy of a department’s names', async () => {
    const directory = new InMemoryEnterpriseDirectory();
    const handler = new CopyDepartmentHandler(new InlineUnitOfWork(), directory);
    const base = { id: 'dep-1', code: 'hrss', nameEn: null, active: true };
    await handler.execute(
      CopyDepartmentCommand.create({ ...base, name: '人社局', asOf: new Date('2026-03-02T02:00:00Z') }),
    );
    await handler.execute(
      CopyDepartmentCommand.create({ ...base, name: '劳动局', asOf: new Date('2026-03-01T02:00:00Z') }),
    );
    expect(directory.departments.get('dep-1')?.d.name).toBe('人社局');
  });

  it('refuses a copy whose time is not a date', () => {
    expect(() =>
      CopyDepartmentCommand.create({
        ...{ id: 'dep-1', code: 'x', name: 'x', nameEn: null, active: true },
        asOf: 'yesterday' as never,
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
