import { caller, directory, enterpriseState, fieldsOf, ids, refusal } from '../../../handler-spec.fixture';
import { UpdateEnterpriseCommand } from './update-enterprise.command';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';

const update = (kit: ReturnType<typeof directory>, over: Partial<UpdateEnterpriseCommand> = {}) =>
  new UpdateEnterpriseHandler(kit.uow, kit.enterprises, kit.grids).execute(
    UpdateEnterpriseCommand.create({ user: caller, enterpriseId: ids.hengda, ...over }),
  );

describe('UpdateEnterpriseHandler', () => {
  it('moves the enterprise to another grid and deactivates it: one new version, announced, audited', async () => {
    const kit = directory();
    const result = await update(kit, { gridId: ids.west, active: false, expectedVersion: 1 });
    expect(result).toMatchObject({ gridId: ids.west, active: false, version: 2 });
    expect(kit.enterprises.rows.get(ids.hengda)).toMatchObject({
      gridId: ids.west,
      active: false,
      version: 2,
    });
    expect(
      kit.enterprises.changes.events.map((e) => [e.version, e.payload.gridId, e.payload.active]),
    ).toEqual([[2, ids.west, false]]);
    expect(kit.enterprises.changes.audit.map((a) => [a.action, a.details])).toEqual([
      ['enterprise.updated', expect.objectContaining({ gridId: ids.west, active: false })],
    ]);
  });

  it('answers the unchanged record when the values asked for are the current ones: nothing stored', async () => {
    const kit = directory();
    const result = await update(kit, {
      name: '六枝特区恒达机械制造有限公司',
      contacts: [{ name: '王建国', phone: '13885810231' }],
      gridId: ids.east,
    });
    expect(result.version).toBe(1);
    expect(kit.enterprises.changes.events).toEqual([]);
    expect(kit.enterprises.changes.audit).toEqual([]);
  });

  it("refuses another enterprise's credit code with a 409 on the field, and keeps its own", async () => {
    const kit = directory({
      enterprises: [enterpriseState(), enterpriseState({ id: ids.lvyuan, creditCode: '91110000600037341L' })],
    });
    const e = await refusal(update(kit, { creditCode: '91110000600037341L' }));
    expect([e.code, fieldsOf(e)]).toEqual(['conflict', ['creditCode']]);
    expect((await update(kit, { creditCode: '91520203MA6DKQ3F11' })).version).toBe(1);
    const noGrid = await refusal(update(kit, { gridId: ids.nobody }));
    expect(fieldsOf(noGrid)).toEqual(['gridId']);
    expect(kit.enterprises.changes.events).toEqual([]);
  });
});
