/**
 * A decision's clock for real: the SLA engine composed with the meeting service in one process
 * (one database, the in-process transport, as `npm start` runs them). Recording a meeting opens
 * the decision's `decision` timer for its lead, due its working days after the meeting on the
 * zone's calendar; the deadline comes back to the decision (its queue and its minutes show the
 * date); the lead's "done" stops the clock.
 */
import { Type } from '@nestjs/common';
import { createChinaWorkCalendar } from '@ticketing/calendar';
import { eventually } from '@ticketing/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetingModule } from '../src/meeting.module';
import { zoneDate } from '../src/shared/domain/zone-time';
import { DEP, Json, MeetingKit, serviceModule, startMeetingKit, UserKey } from './meeting-test-kit';

describe('a decision’s clock, with the SLA engine composed in', () => {
  let kit: MeetingKit;
  let modules: Type<unknown>[];
  beforeAll(async () => {
    modules = [await serviceModule('sla', 'SlaModule'), MeetingModule];
    kit = await startMeetingKit(modules);
  });
  afterAll(async () => {
    await kit?.close();
  });

  const ok = async (method: string, path: string, as: UserKey, body?: unknown) => {
    const r = await kit.api(method, path, as, body);
    if (r.status >= 300) throw new Error(`${method} ${path} as ${as}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Json;
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | false | null>): Promise<T> => {
    const seen = await eventually(probe, 30_000, 100);
    if (!seen) throw new Error(`${what} never happened`);
    return seen;
  };

  let decisionId: string;
  let meetingId: string;

  it('recording the meeting opens the decision’s timer for the lead; its deadline comes back to the queue', async () => {
    const heldAt = new Date(Date.now() - 3600_000);
    const m = await ok('POST', '/api/v1/meetings', 'committee', {
      title: '联席会议',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      place: '会议室',
      items: [{ kind: 'topic', title: '货运专线', departmentIds: [DEP.transport] }],
    });
    meetingId = m.id;
    const rec = await ok('POST', `/api/v1/meetings/${m.id}/record`, 'committee', {
      expectedVersion: m.version,
      heldAt: heldAt.toISOString(),
      attendance: { departmentIds: [DEP.transport], enterpriseIds: [], people: ['张书记'] },
      summary: '研究开通货运专线',
      decisions: [
        {
          itemId: m.itemIds[0],
          task: '开通货运专线',
          leadDepartmentId: DEP.transport,
          coHandlerDepartmentIds: [DEP.urban],
          dueWorkingDays: 10,
        },
      ],
    });
    decisionId = rec.decisionIds[0];
    const timers = await waitFor('the decision timer opened', async () => {
      const r = await kit.api('GET', `/api/v1/sla/decisions/${decisionId}/timers`, 'committee');
      return r.status === 200 && r.body.timers.length > 0 && r.body;
    });
    expect(timers.timers).toEqual([
      expect.objectContaining({
        kind: 'decision',
        departmentId: DEP.transport,
        state: expect.any(String),
        stoppedAt: null,
      }),
    ]);
    const due = timers.timers[0].dueAt as string;
    // Ten working days on the zone's calendar (the built-in State Council notices), counted from
    // the meeting or from its recording, whichever the engine takes: never sooner than the first,
    // never later than the second. Whatever the day the suite runs, that spans at least one
    // weekend: more than eleven days of the calendar.
    const calendar = createChinaWorkCalendar();
    expect(Date.parse(due)).toBeGreaterThanOrEqual(calendar.addWorkingDays(heldAt, 10).getTime());
    expect(Date.parse(due)).toBeLessThanOrEqual(calendar.addWorkingDays(new Date(), 10).getTime());
    expect(Date.parse(due) - heldAt.getTime()).toBeGreaterThan(11 * 86_400_000);
    const queued = await waitFor('the deadline in the lead’s queue', async () => {
      const q = await ok('GET', '/api/v1/meetings/decisions?mine=true', 'depTransport');
      return q.items[0]?.dueAt && q.items[0];
    });
    expect(queued).toMatchObject({ id: decisionId, dueAt: due, myRole: 'lead', flag: null });
    // The co-handler sees the clock too (the SLA engine kept the decision's departments).
    expect((await kit.api('GET', `/api/v1/sla/decisions/${decisionId}/timers`, 'depUrban')).status).toBe(200);
    expect((await kit.api('GET', `/api/v1/sla/decisions/${decisionId}/timers`, 'depTax')).status).toBe(404);

    // The minutes give the deadline's date.
    const docx = await kit.api('GET', `/api/v1/meetings/${meetingId}/minutes.docx`, 'committee');
    const dir = mkdtempSync(join(tmpdir(), 'meeting-sla-'));
    try {
      writeFileSync(join(dir, 'm.docx'), docx.raw);
      const xml = spawnSync('unzip', ['-p', join(dir, 'm.docx'), 'word/document.xml'], {
        encoding: 'utf8',
      }).stdout;
      expect(xml).toContain(`10个工作日（${zoneDate(new Date(due))}前）`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the lead’s “done” stops the clock', async () => {
    const d = await ok('GET', `/api/v1/meetings/decisions/${decisionId}`, 'depTransport');
    await ok('POST', `/api/v1/meetings/decisions/${decisionId}/reports`, 'depTransport', {
      expectedVersion: d.version,
      progress: 'done',
      report: '货运专线已开通',
    });
    const stopped = await waitFor('the timer stopped', async () => {
      const r = await ok('GET', `/api/v1/sla/decisions/${decisionId}/timers`, 'committee');
      return r.timers[0]?.stoppedAt && r.timers[0];
    });
    expect(stopped).toMatchObject({ kind: 'decision', outcome: 'met' });
  });
});
