import { invalidField } from '@ticketing/platform';
import { isRealDay, startOfDay } from '../domain/zone-time';

/**
 * `from` and `to` days (Beijing time, both included) as instants [from 00:00, the day after `to`
 * 00:00). A day that does not exist, `to` before `from`, or a span over `maxDays` is a 400 naming it.
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  maxDays: number,
): { from?: Date; to?: Date } {
  if (from !== undefined && !isRealDay(from))
    throw invalidField('from', `from ${from} is not a day of the calendar`);
  if (to !== undefined && !isRealDay(to)) throw invalidField('to', `to ${to} is not a day of the calendar`);
  const start = from !== undefined ? startOfDay(from) : undefined;
  const end = to !== undefined ? new Date(startOfDay(to).getTime() + 86_400_000) : undefined;
  if (start && end) {
    if (end <= start) throw invalidField('to', 'to must not be before from');
    if (end.getTime() - start.getTime() > maxDays * 86_400_000)
      throw invalidField('to', `from and to may span at most ${maxDays} days`);
  }
  return { from: start, to: end };
}
