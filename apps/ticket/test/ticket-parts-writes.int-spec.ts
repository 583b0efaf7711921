/**
 * A ticket's save rewrites the departments' parts only when they changed: an acknowledgement,
 * a reply or a resolution send no statement to ticket_parts, a co-handler's report and a new
 * co-handler do, and the parts read back are what was written either way.
 */
import { statementParts, statementsOf } from '@ticketing/testing';
import {
  actOn,
  approveTransfer,
  DEP,
  detailOf,
  routedTicket,
  startTicketKit,
  TicketKit,
} from './ticket-test-kit';

describe('ticket parts: written when they change', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  // A save writes its row, parts, steps and events in one statement (writeTogether): its parts.
  const partsWrites = (sql: string[]) =>
    statementParts(sql).filter((q) => /^(DELETE FROM|INSERT INTO) "ticket"\."ticket_parts"/.test(q));
  const verbAndTable = (q: string) => q.split(' WHERE')[0].split('(')[0].trim();
  const coParts = async (id: string) =>
    (
      (await detailOf(kit, id)).parts as {
        role: string;
        department: { id: string };
        content: string | null;
      }[]
    )
      .filter((p) => p.role === 'co_handler')
      .map((p) => ({ department: p.department.id, content: p.content }));

  it('leaves the parts alone for an acknowledgement, a reply and a resolution', async () => {
    const id = await routedTicket(kit, {}, 'entA', DEP.hrss, [DEP.miit]);
    const ack = await statementsOf(async () => void (await actOn(kit, id, 'acknowledge', 'depLead')));
    // The statements of the request did run (the ticket's row was updated), but none for the parts.
    expect(statementParts(ack).some((q) => q.startsWith('UPDATE "ticket"."tickets"'))).toBe(true);
    expect(partsWrites(ack)).toEqual([]);

    const report = await statementsOf(
      async () => void (await actOn(kit, id, 'report-part', 'depCo', { content: '工信局已协调' })),
    );
    expect(partsWrites(report).map(verbAndTable)).toEqual([
      'DELETE FROM "ticket"."ticket_parts"',
      'INSERT INTO "ticket"."ticket_parts"',
    ]);
    expect(await coParts(id)).toEqual([{ department: DEP.miit, content: '工信局已协调' }]);

    const resolve = await statementsOf(
      async () => void (await actOn(kit, id, 'resolve', 'depLead', { result: '已恢复供水' })),
    );
    const reply = await statementsOf(
      async () => void (await actOn(kit, id, 'reply', 'depLead', { message: '已处理，请确认' })),
    );
    expect(partsWrites([...reply, ...resolve])).toEqual([]);
    expect(await coParts(id)).toEqual([{ department: DEP.miit, content: '工信局已协调' }]);
  });

  it('writes the first parts (an assignment) with the row, the step and the event in one statement, deleting none', async () => {
    let id = '';
    const assigned = await statementsOf(async () => {
      id = await routedTicket(kit, {}, 'entA', DEP.hrss, [DEP.miit]);
    });
    expect(partsWrites(assigned).map(verbAndTable)).toEqual(['INSERT INTO "ticket"."ticket_parts"']);
    const save = assigned.filter((q) => q.includes('INSERT INTO "ticket"."ticket_parts"'));
    expect(save).toHaveLength(1);
    expect(statementParts(save).map((q) => /^(INSERT INTO|UPDATE|DELETE FROM) (\S+)/.exec(q)?.[0])).toEqual([
      'UPDATE "ticket"."tickets"',
      'INSERT INTO "ticket"."ticket_parts"',
      'INSERT INTO "ticket"."ticket_steps"',
      'INSERT INTO "ticket".outbox',
      'INSERT INTO ticket.ticket_search',
    ]);
    expect(await coParts(id)).toEqual([{ department: DEP.miit, content: null }]);
  });

  it('rewrites them when the co-handlers change (a transfer approved with another co-handler)', async () => {
    const id = await routedTicket(kit, {}, 'entA', DEP.hrss, [DEP.miit]);
    expect(await coParts(id)).toEqual([{ department: DEP.miit, content: null }]);
    await actOn(kit, id, 'request-transfer', 'depLead', { reason: '应由交通运输局牵头' });
    const transferred = await statementsOf(() =>
      approveTransfer(kit, id, DEP.hrss, DEP.transport, [DEP.tax, DEP.miit], '改由交通运输局牵头'),
    );
    expect(partsWrites(transferred).length).toBe(2);
    expect(await coParts(id)).toEqual([
      { department: DEP.tax, content: null },
      { department: DEP.miit, content: null },
    ]);
  });
});
