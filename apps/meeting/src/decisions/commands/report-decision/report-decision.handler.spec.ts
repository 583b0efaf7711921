import { fields, kit, openDecision, people, refusal } from '../../../shared/handler-spec.fixture';
import { ReportDecisionCommand } from './report-decision.command';
import { ReportDecisionHandler } from './report-decision.handler';

const ID = '0190f1f0-0000-7000-8000-000000000401';

async function setup() {
  const k = await kit();
  k.decisions.seed(openDecision(ID));
  return { ...k, handler: new ReportDecisionHandler(k.uow, k.decisions) };
}

const cmd = (over: Partial<ReportDecisionCommand> = {}) =>
  ReportDecisionCommand.create({
    user: people.transport,
    decisionId: ID,
    expectedVersion: 1,
    progress: 'in_progress',
    report: '已进场施工',
    ...over,
  });

describe('ReportDecisionHandler', () => {
  it('the co-handler reports its part, the lead reports it done: decision-reported each, status done', async () => {
    const k = await setup();
    await k.handler.execute(cmd({ user: people.urban, progress: 'done', report: '管线已迁移' }));
    expect((await k.decisions.lockById(ID))!.snapshot().status).toBe('open');
    const r = await k.handler.execute(cmd({ expectedVersion: 2, progress: 'done', report: '道路已修复' }));
    expect(r).toEqual({ id: ID, status: 'done', version: 3 });
    expect(k.decisions.saved.map((c) => c.payload)).toEqual([
      {
        decisionId: ID,
        meetingId: expect.any(String),
        departmentId: 'dep-ur',
        progress: 'done',
        report: '管线已迁移',
      },
      {
        decisionId: ID,
        meetingId: expect.any(String),
        departmentId: 'dep-tr',
        progress: 'done',
        report: '道路已修复',
      },
    ]);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 3 })))).code).toBe('illegalTransition');
  });

  it('another department does not see it (404); the committee and the enterprise may not report (403)', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(cmd({ user: people.tax })))).code).toBe('notFound');
    expect((await refusal(k.handler.execute(cmd({ user: people.committee })))).code).toBe('forbidden');
    expect((await refusal(k.handler.execute(cmd({ user: people.enterprise })))).code).toBe('forbidden');
    expect((await refusal(k.handler.execute(cmd({ user: people.otherEnterprise })))).code).toBe('notFound');
    expect(k.decisions.saved).toEqual([]);
  });

  it('refuses an empty report and a stale version, writing nothing', async () => {
    const k = await setup();
    expect(fields(await refusal(k.handler.execute(cmd({ report: ' ' }))))).toEqual(['report']);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 9 })))).code).toBe('versionConflict');
    expect(k.decisions.saved).toEqual([]);
  });
});
