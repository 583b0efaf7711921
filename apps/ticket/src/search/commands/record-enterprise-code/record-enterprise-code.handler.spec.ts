import { InlineUnitOfWork } from '@ticketing/testing';
import {
  InMemorySearchDirectory,
  InMemoryTicketSearchIndex,
} from '../../infrastructure/search.in-memory-repository';
import { RecordEnterpriseCodeCommand } from './record-enterprise-code.command';
import { RecordEnterpriseCodeHandler } from './record-enterprise-code.handler';

describe('RecordEnterpriseCodeHandler', () => {
  const setup = () => {
    const directory = new InMemorySearchDirectory();
    const index = new InMemoryTicketSearchIndex();
    return {
      directory,
      index,
      handler: new RecordEnterpriseCodeHandler(new InlineUnitOfWork(), directory, index),
    };
  };
  const at = (s: string) => new Date(`2026-03-0${s}T02:00:00Z`);
  const base = { id: 'ent-1', name: '六枝特区恒达机械制造有限公司', creditCode: '91520203MA6DKQ3F1X' };

  it('keeps the code and indexes the enterprise tickets again when it is new or changed', async () => {
    const { directory, index, handler } = setup();
    await handler.execute(RecordEnterpriseCodeCommand.create({ ...base, asOf: at('1') }));
    await handler.execute(RecordEnterpriseCodeCommand.create({ ...base, name: '恒达机械', asOf: at('2') }));
    expect(directory.enterprises.get('ent-1')?.e).toEqual({ ...base, name: '恒达机械' });
    expect(index.refreshedEnterprises).toEqual(['ent-1', 'ent-1']);
  });

  it('stores the code in capitals, as it is printed on licences', async () => {
    const { directory, handler } = setup();
    await handler.execute(
      RecordEnterpriseCodeCommand.create({ ...base, creditCode: '91520203ma6dkq3f1x', asOf: at('1') }),
    );
    expect(directory.enterprises.get('ent-1')?.e.creditCode).toBe('91520203MA6DKQ3F1X');
  });

  it('neither reindexes for an unchanged upsert nor lets a late older one roll the code back', async () => {
    const { directory, index, handler } = setup();
    await handler.execute(RecordEnterpriseCodeCommand.create({ ...base, asOf: at('2') }));
    await handler.execute(RecordEnterpriseCodeCommand.create({ ...base, asOf: at('3') }));
    await handler.execute(RecordEnterpriseCodeCommand.create({ ...base, creditCode: 'OLD', asOf: at('1') }));
    expect(directory.enterprises.get('ent-1')?.e.creditCode).toBe(base.creditCode);
    expect(index.refreshedEnterprises).toEqual(['ent-1']);
  });

  it('refuses a command without a credit code', () => {
    expect(() => RecordEnterpriseCodeCommand.create({ ...base, creditCode: '', asOf: at('1') })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
