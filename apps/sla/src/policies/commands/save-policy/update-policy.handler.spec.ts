import { refusal, slaKit, ZONE_WIDE_POLICY_ID, errorsOf } from '../../../handler-spec.fixture';
import { UpdatePolicyCommand } from './update-policy.command';
import { UpdatePolicyHandler } from './update-policy.handler';

const FOUR_HOURS = {
  calendarId: 'default',
  timers: { respond: { duration: { amount: 4, unit: 'working_hours' } } },
};

const update = (over: Partial<Parameters<typeof UpdatePolicyCommand.create>[0]> = {}) =>
  UpdatePolicyCommand.create({
    policyId: ZONE_WIDE_POLICY_ID,
    expectedVersion: 1,
    name: null,
    nameEn: null,
    definition: FOUR_HOURS,
    actorId: 'u-committee',
    ...over,
  });

describe('UpdatePolicyHandler', () => {
  it('writes the next version, retires the one before, and asks for the policy’s open timers to be recomputed', async () => {
    const kit = slaKit();
    const result = await new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(update());
    expect(result).toEqual({ id: ZONE_WIDE_POLICY_ID, version: 2 });
    const versions = kit.policies.versions.filter((v) => v.id === ZONE_WIDE_POLICY_ID);
    expect(versions.map((v) => [v.version, v.active, v.createdBy])).toEqual([
      [1, false, 'seed'],
      [2, true, 'u-committee'],
    ]);
    expect(versions[1]!.name).toBe(versions[0]!.name); // no name given: kept
    expect(Object.keys(versions[1]!.definition.timers)).toEqual(['respond']);
    expect(kit.policies.recomputes).toEqual([
      { policyId: ZONE_WIDE_POLICY_ID, reason: `policy ${ZONE_WIDE_POLICY_ID} v2` },
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('takes the same name and definition again as no change: no version, no recompute', async () => {
    const kit = slaKit();
    const current = kit.policies.versions.find((v) => v.id === ZONE_WIDE_POLICY_ID)!;
    const result = await new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
      update({ name: current.name, definition: JSON.parse(JSON.stringify(current.definition)) }),
    );
    expect(result).toEqual({ id: ZONE_WIDE_POLICY_ID, version: 1 });
    expect(kit.policies.versions.filter((v) => v.id === ZONE_WIDE_POLICY_ID)).toHaveLength(1);
    expect(kit.policies.recomputes).toEqual([]);
  });

  it('refuses a stale expectedVersion with a 409 naming the current version, writing nothing', async () => {
    const kit = slaKit();
    await new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(update());
    const e = await refusal(new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(update()));
    expect(e.code).toBe('versionConflict');
    expect(e.details).toEqual({ currentVersion: 2 });
    expect(kit.policies.versions.filter((v) => v.id === ZONE_WIDE_POLICY_ID)).toHaveLength(2);
    expect(kit.policies.recomputes).toHaveLength(1);
  });

  it('refuses a definition naming an unknown calendar, and answers 404 for an unknown policy', async () => {
    const kit = slaKit();
    const bad = await refusal(
      new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        update({ definition: { ...FOUR_HOURS, calendarId: 'zone-east' } }),
      ),
    );
    expect(errorsOf(bad)[0].field).toBe('definition.calendarId');
    const missing = await refusal(
      new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        update({ policyId: '01900000-0000-7000-8000-0000000000ff' }),
      ),
    );
    expect(missing.code).toBe('notFound');
    expect(kit.policies.versions.filter((v) => v.id === ZONE_WIDE_POLICY_ID)).toHaveLength(1);
  });

  it('refuses an edit that puts the reply after the resolution for the tickets the policy governs, writing nothing', async () => {
    const kit = slaKit();
    const current = kit.policies.versions.find((v) => v.id === ZONE_WIDE_POLICY_ID)!;
    const definition = JSON.parse(JSON.stringify(current.definition));
    definition.timers.reply.duration = { amount: 10, unit: 'working_days' };
    const e = await refusal(
      new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(update({ definition })),
    );
    expect(e.code).toBe('validation');
    expect(errorsOf(e).map((f) => f.field)).toEqual(['definition.timers.reply.duration']);
    // Normal tickets of every category but utilities (whose policy sets its own reply and resolution).
    expect(errorsOf(e)[0]!.messages[0]).toMatch(
      /reply deadline \(10 working_days, policy 默认时限\) could come after the resolution deadline \(5 working_days, policy 默认时限\) for labour × normal, finance × normal, policy × normal, approval × normal, 10 more/,
    );
    expect(kit.policies.versions.filter((v) => v.id === ZONE_WIDE_POLICY_ID)).toHaveLength(1);
    expect(kit.policies.recomputes).toEqual([]);
    // A reply equal to the resolution is fine, and a new English name alone is a new version.
    definition.timers.reply.duration = { amount: 5, unit: 'working_days' };
    const renamed = await new UpdatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
      update({ definition, nameEn: 'Zone-wide deadlines' }),
    );
    expect(renamed.version).toBe(2);
    expect(kit.policies.versions.find((v) => v.id === ZONE_WIDE_POLICY_ID && v.active)).toMatchObject({
      name: '默认时限',
      nameEn: 'Zone-wide deadlines',
    });
  });
});
