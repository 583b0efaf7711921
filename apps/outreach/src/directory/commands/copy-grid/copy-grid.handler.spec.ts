import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryOutreachDirectory } from '../../infrastructure/outreach-directory.in-memory-repository';
import { CopyGridCommand } from './copy-grid.command';
import { CopyGridHandler } from './copy-grid.handler';

describe('CopyGridHandler', () => {
  it('an instructor works the grids that list them, newest copy first', async () => {
    const directory = new InMemoryOutreachDirectory();
    const handler = new CopyGridHandler(new InlineUnitOfWork(), directory);
    const grid = { id: 'grid-1', code: 'east', name: '东区网格' };
    await handler.execute(
      CopyGridCommand.create({ ...grid, instructorUserIds: ['u-b'], asOf: new Date('2026-03-02') }),
    );
    await handler.execute(
      CopyGridCommand.create({ ...grid, instructorUserIds: ['u-a'], asOf: new Date('2026-03-01') }),
    );
    expect(await directory.gridsOfInstructor('u-b')).toEqual(['grid-1']);
    expect(await directory.gridsOfInstructor('u-a')).toEqual([]);
  });

  it('refuses instructors that are not a list of ids', () => {
    expect(() =>
      CopyGridCommand.create({
        id: 'grid-1',
        code: 'east',
        name: '东区',
        instructorUserIds: [1 as unknown as string],
        asOf: new Date(),
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
