import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { workingDayMs } from '../../domain/duration';
import { PolicyNeighbours } from '../../domain/policy.aggregate';
import { PolicyRepository } from '../../domain/policy.repository';

/** What a new version is checked against: every active policy, and each calendar's working day. */
export async function policyNeighbours(
  policies: PolicyRepository,
  calendars: CalendarRepository,
  calendarIds: readonly string[],
): Promise<PolicyNeighbours> {
  const days: Record<string, number> = {};
  for (const id of calendarIds) days[id] = workingDayMs(await calendars.workCalendar(id));
  return { activeOthers: await policies.allActive(), workingDayMs: days };
}
