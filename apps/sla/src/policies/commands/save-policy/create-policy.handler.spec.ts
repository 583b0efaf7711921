import { refusal, slaKit, ZONE_WIDE_POLICY_ID, errorsOf } from '../../../handler-spec.fixture';
import { CreatePolicyCommand } from './create-policy.command';
import { CreatePolicyHandler } from './create-policy.handler';

const create = (over: Partial<Parameters<typeof CreatePolicyCommand.create>[0]> = {}) =>
  CreatePolicyCommand.create({
    name: '用工 紧急',
    nameEn: 'Labour, urgent',
    subject: 'ticket',
    category: 'labour',
    urgency: 'urgent',
    definition: {
      calendarId: 'default',
      timers: { resolve: { duration: { amount: 3, unit: 'working_days' } } },
    },
    actorId: 'u-committee',
    ...over,
  });

describe('CreatePolicyHandler', () => {
  it('writes version 1, active, with its definition in one shape, under the policies’ write lock; nothing to recompute', async () => {
    const kit = slaKit();
    const result = await new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(create());
    expect(result.version).toBe(1);
    const saved = kit.policies.versions.filter((v) => v.id === result.id);
    expect(saved).toEqual([
      expect.objectContaining({
        version: 1,
        active: true,
        name: '用工 紧急',
        nameEn: 'Labour, urgent',
        subject: 'ticket',
        category: 'labour',
        urgency: 'urgent',
        createdBy: 'u-committee',
        definition: {
          calendarId: 'default',
          timers: {
            resolve: {
              duration: { amount: 3, unit: 'working_days' },
              warnings: [],
              escalations: [],
              pauseWhen: [],
            },
          },
        },
      }),
    ]);
    expect(kit.policies.writeLocks).toBe(1);
    // A new policy applies to timers opened after it.
    expect(kit.policies.recomputes).toEqual([]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a scope another active policy covers, naming it, writing nothing', async () => {
    const kit = slaKit();
    const before = kit.policies.versions.length;
    const e = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({ category: '*', urgency: '*' }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(
      new RegExp(
        `^policy rejected: category: policy ${ZONE_WIDE_POLICY_ID} \\(.+\\) already covers \\* × \\*; edit it instead$`,
      ),
    );
    expect(kit.policies.versions).toHaveLength(before);
  });

  it('refuses an unknown category and a negative duration, each under its field', async () => {
    const kit = slaKit();
    const unknown = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({ category: 'astrology' }),
      ),
    );
    expect(errorsOf(unknown)[0].field).toBe('category');
    const negative = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({
          definition: {
            calendarId: 'default',
            timers: { resolve: { duration: { amount: -2, unit: 'working_days' } } },
          },
        }),
      ),
    );
    expect(errorsOf(negative)[0].field).toBe('definition.timers.resolve.duration.amount');
    expect(kit.policies.versions.filter((v) => v.category === 'labour')).toEqual([]);
  });

  it('refuses a policy whose reply would be due after the resolution, naming the field at fault, writing nothing', async () => {
    const kit = slaKit();
    const before = kit.policies.versions.length;
    // Labour tickets answered in 3 working days but resolved in 2: the reply comes last.
    const late = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({
          urgency: '*',
          definition: {
            calendarId: 'default',
            timers: {
              resolve: { duration: { amount: 2, unit: 'working_days' } },
              reply: { duration: { amount: 3, unit: 'working_days' } },
            },
          },
        }),
      ),
    );
    expect(late.code).toBe('validation');
    expect(errorsOf(late).map((f) => f.field)).toEqual(['definition.timers.reply.duration']);
    expect(errorsOf(late)[0]!.messages[0]).toMatch(/labour × normal/);
    // A resolution shorter than the zone-wide reply (5 working days) it would meet on normal labour tickets.
    const short = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({
          urgency: 'normal',
          definition: {
            calendarId: 'default',
            timers: { resolve: { duration: { amount: 4, unit: 'working_days' } } },
          },
        }),
      ),
    );
    expect(errorsOf(short).map((f) => f.field)).toEqual(['definition.timers.resolve.duration']);
    expect(errorsOf(short)[0]!.messages[0]).toMatch(
      /5 working_days, policy 默认时限.*4 working_days, policy 用工 紧急.*labour × normal/,
    );
    expect(kit.policies.versions).toHaveLength(before);
  });

  it('keeps one zone-wide policy for decisions: another is refused under subject, a narrower one under its scope', async () => {
    const kit = slaKit();
    const decisions = {
      calendarId: 'default',
      timers: { decision: { duration: { amount: 5, unit: 'working_days' } } },
    };
    const again = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({ subject: 'decision', category: '*', urgency: '*', definition: decisions }),
      ),
    );
    expect(errorsOf(again).map((f) => f.field)).toEqual(['subject']);
    const narrow = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({ subject: 'decision', definition: decisions }),
      ),
    );
    expect(errorsOf(narrow).map((f) => f.field)).toEqual(['category', 'urgency']);
    const mixed = await refusal(
      new CreatePolicyHandler(kit.uow, kit.policies, kit.calendars).execute(
        create({
          definition: {
            ...decisions,
            timers: { ...decisions.timers, callback: { duration: { amount: 1, unit: 'hours' } } },
          },
        }),
      ),
    );
    expect(errorsOf(mixed).map((f) => f.field)).toEqual([
      'definition.timers.decision',
      'definition.timers.callback',
    ]);
  });
});
