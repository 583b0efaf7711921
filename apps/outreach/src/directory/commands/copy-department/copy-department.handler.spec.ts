import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryOutreachDirectory } from '../../infrastructure/outreach-directory.in-memory-repository';
import { CopyDepartmentCommand } from './copy-department.command';
import { CopyDepartmentHandler } from './copy-department.handler';

describe('CopyDepartmentHandler', () => {
  it('keeps the newest copy of a department', async () => {
    const directory = new InMemoryOutreachDirectory();
    const handler = new CopyDepartmentHandler(new InlineUnitOfWork(), directory);
    const d = { id: 'dep-1', code: 'hrss', active: true };
    await handler.execute(
      CopyDepartmentCommand.create({ ...d, name: '人社局', asOf: new Date('2026-03-02') }),
    );
    await handler.execute(
      CopyDepartmentCommand.create({ ...d, name: '劳动局', asOf: new Date('2026-03-01') }),
    );
    expect(await directory.findDepartment('dep-1')).toMatchObject({ name: '人社局' });
  });

  it('refuses a copy without a name', () => {
    expect(() =>
      CopyDepartmentCommand.create({
        id: 'dep-1',
        code: 'x',
        name: 5 as unknown as string,
        active: true,
        asOf: new Date(),
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
