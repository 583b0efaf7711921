import { AuthUser } from '@ticketing/auth';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemorySmsPreferenceRepository } from '../../infrastructure/sms-preference.in-memory-repository';
import { SetSmsPreferenceCommand } from './set-sms-preference.command';
import { SetSmsPreferenceHandler } from './set-sms-preference.handler';

const ent = (enterpriseId: string, id = `u-${enterpriseId}`) =>
  ({ id, role: 'enterprise', name: id, enterpriseId }) as AuthUser;

describe('SetSmsPreferenceHandler', () => {
  const setup = () => {
    const uow = new InlineUnitOfWork();
    const preferences = new InMemorySmsPreferenceRepository();
    return { uow, preferences, handler: new SetSmsPreferenceHandler(uow, preferences) };
  };

  it("turns SMS off for the caller's own enterprise only, and on again, each a new version", async () => {
    const { uow, preferences, handler } = setup();
    expect((await preferences.get('ent-1')).enabled).toBe(true);
    const off = await handler.execute(
      SetSmsPreferenceCommand.create({ user: ent('ent-1'), enabled: false, expectedVersion: 0 }),
    );
    expect(off).toMatchObject({ enabled: false, version: 1 });
    expect(preferences.rows.get('ent-1')).toMatchObject({ enabled: false, updatedBy: 'u-ent-1' });
    expect((await preferences.get('ent-2')).enabled).toBe(true);
    const on = await handler.execute(SetSmsPreferenceCommand.create({ user: ent('ent-1'), enabled: true }));
    expect(on).toMatchObject({ enabled: true, version: 2 });
    expect(uow.transactions).toBe(2);
  });

  it('changes nothing for the value it has, and refuses a stale version with a 409', async () => {
    const { preferences, handler } = setup();
    await handler.execute(SetSmsPreferenceCommand.create({ user: ent('ent-1'), enabled: false }));
    const again = await handler.execute(
      SetSmsPreferenceCommand.create({ user: ent('ent-1'), enabled: false }),
    );
    expect(again).toMatchObject({ enabled: false, version: 1 });
    await expect(
      handler.execute(
        SetSmsPreferenceCommand.create({ user: ent('ent-1'), enabled: true, expectedVersion: 0 }),
      ),
    ).rejects.toMatchObject({ code: 'versionConflict' });
    expect(preferences.rows.get('ent-1')).toMatchObject({ enabled: false, version: 1 });
  });

  it('refuses anyone but an enterprise user, and writes nothing', async () => {
    const { uow, preferences, handler } = setup();
    for (const user of [
      { id: 'u-c', role: 'committee', name: 'c' },
      { id: 'u-x', role: 'enterprise', name: 'no enterprise' },
    ] as AuthUser[])
      await expect(
        handler.execute(SetSmsPreferenceCommand.create({ user, enabled: false })),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    expect(preferences.rows.size).toBe(0);
    expect(uow.transactions).toBe(0);
  });
});
