import { CHINA_NOTICES, DEFAULT_WORKING_HOURS } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { CalendarState } from './calendars/domain/calendar.aggregate';
import { InMemoryCalendarRepository } from './calendars/infrastructure/calendar.in-memory-repository';
import {
  DEFAULT_CALENDAR_ID,
  DEFAULT_CALENDAR_NAMES,
  DEFAULT_POLICIES,
} from './policies/domain/default-policies';
import { PolicyVersion, normalizeDefinition } from './policies/domain/policy';
import { InMemoryPolicyRepository } from './policies/infrastructure/policy.in-memory-repository';
import { DueStep } from './timers/domain/due-step';
import { TimerSnapshot } from './timers/domain/timer.aggregate';
import { InMemoryFiringRepository } from './timers/infrastructure/firing.in-memory-repository';
import { InMemoryRecomputeJobRepository } from './timers/infrastructure/recompute-job.in-memory-repository';
import { InMemoryTimerRepository } from './timers/infrastructure/timer.in-memory-repository';

/** The seeded calendar: office hours and the 2024–2026 State Council notices. */
export const defaultCalendar = (): CalendarState => ({
  id: DEFAULT_CALENDAR_ID,
  name: DEFAULT_CALENDAR_NAMES.name,
  nameEn: DEFAULT_CALENDAR_NAMES.nameEn,
  timeZone: 'Asia/Shanghai',
  workingHours: DEFAULT_WORKING_HOURS.map((h) => ({ ...h })),
  version: 1,
  notices: [...CHINA_NOTICES],
});

export const ZONE_WIDE_POLICY_ID = '01900000-0000-7000-8000-000000000001';

/** The seeded policies as the migrations leave them (the corrected defaults, and the decisions' policy). */
export const seededPolicies = (): PolicyVersion[] =>
  DEFAULT_POLICIES.map((p, i) => ({
    id: `01900000-0000-7000-8000-00000000000${i + 1}`,
    version: 1,
    name: p.name,
    nameEn: p.nameEn,
    subject: p.subject,
    category: p.category,
    urgency: p.urgency,
    definition: normalizeDefinition(p.definition),
  }));

/** Every port of the service in memory, seeded like a fresh installation. */
export function slaKit(
  p: { timers?: TimerSnapshot[]; dueSteps?: DueStep[]; policies?: PolicyVersion[] } = {},
) {
  return {
    uow: new InlineUnitOfWork(),
    calendars: new InMemoryCalendarRepository([defaultCalendar()]),
    policies: new InMemoryPolicyRepository(p.policies ?? seededPolicies()),
    timers: new InMemoryTimerRepository(p.timers),
    firings: new InMemoryFiringRepository(p.dueSteps),
    jobs: new InMemoryRecomputeJobRepository(),
  };
}

/** The fields a refusal names, as a 400's `errors`. */
export const errorsOf = (e: DomainError): { field: string; messages: string[] }[] =>
  (e.details.errors ?? []) as { field: string; messages: string[] }[];

/** The DomainError a refused use case rejects with. */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal, but the use case went through');
}

/** The DomainError a refused command or query throws when built. */
export function refusedToBuild(build: () => unknown): DomainError {
  try {
    build();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the command to be refused, but it was built');
}
