import { kit, openDecision } from '../../../shared/handler-spec.fixture';
import { RecordDecisionClockCommand } from './record-decision-clock.command';
import { RecordDecisionClockHandler } from './record-decision-clock.handler';

const ID = '0190f1f0-0000-7000-8000-000000000401';

describe('RecordDecisionClockHandler', () => {
  it('keeps the deadline, yellow then red (a late yellow leaves the red), and the ladder’s step, without a version', async () => {
    const k = await kit();
    k.decisions.seed(openDecision(ID));
    const h = new RecordDecisionClockHandler(k.uow, k.decisions);
    const due = new Date('2026-04-03T10:00:00Z');
    expect(await h.execute(RecordDecisionClockCommand.create({ decisionId: ID, dueAt: due }))).toBe(true);
    await h.execute(RecordDecisionClockCommand.create({ decisionId: ID, flag: 'yellow' }));
    await h.execute(RecordDecisionClockCommand.create({ decisionId: ID, flag: 'red' }));
    await h.execute(
      RecordDecisionClockCommand.create({ decisionId: ID, flag: 'yellow', escalation: 'urge' }),
    );
    const s = (await k.decisions.lockById(ID))!.snapshot();
    expect(s.clock).toEqual({ dueAt: due, flag: 'red', escalation: 'urge' });
    expect(s.version).toBe(1);
    expect(k.decisions.saved).toEqual([]);
  });

  it('an unknown decision changes nothing', async () => {
    const k = await kit();
    const h = new RecordDecisionClockHandler(k.uow, k.decisions);
    expect(await h.execute(RecordDecisionClockCommand.create({ decisionId: 'nope', flag: 'red' }))).toBe(
      false,
    );
  });
});
