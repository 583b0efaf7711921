import { refusal, slaKit, errorsOf } from '../../../handler-spec.fixture';
import { SetWorkingHoursCommand } from './set-working-hours.command';
import { SetWorkingHoursHandler } from './set-working-hours.handler';

const hours = (...periods: [string, string][]) => periods.map(([start, end]) => ({ start, end }));

describe('SetWorkingHoursHandler', () => {
  it('changes the hours, bumps the version and asks for the open timers on the calendar to be recomputed', async () => {
    const kit = slaKit();
    const result = await new SetWorkingHoursHandler(kit.uow, kit.calendars).execute(
      SetWorkingHoursCommand.create({ calendarId: 'default', workingHours: hours(['09:00', '17:00']) }),
    );
    expect(result).toEqual({ id: 'default', version: 2 });
    expect(kit.calendars.calendars.get('default')!.workingHours).toEqual(hours(['09:00', '17:00']));
    expect(kit.calendars.recomputes).toEqual([{ calendarId: 'default', reason: 'working hours changed' }]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('takes the same hours again as no change: no new version, no recompute', async () => {
    const kit = slaKit();
    const result = await new SetWorkingHoursHandler(kit.uow, kit.calendars).execute(
      SetWorkingHoursCommand.create({
        calendarId: 'default',
        workingHours: hours(['09:00', '12:00'], ['13:30', '17:30']),
      }),
    );
    expect(result).toEqual({ id: 'default', version: 1 });
    expect(kit.calendars.recomputes).toEqual([]);
  });

  it('refuses hours that end before they start, writing nothing', async () => {
    const kit = slaKit();
    const e = await refusal(
      new SetWorkingHoursHandler(kit.uow, kit.calendars).execute(
        SetWorkingHoursCommand.create({ calendarId: 'default', workingHours: hours(['17:00', '09:00']) }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(errorsOf(e)).toEqual([
      { field: 'workingHours', messages: [expect.stringMatching(/start must be before end/)] },
    ]);
    expect(kit.calendars.calendars.get('default')!.version).toBe(1);
    expect(kit.calendars.recomputes).toEqual([]);
  });

  it('answers 404 for an unknown calendar', async () => {
    const kit = slaKit();
    const e = await refusal(
      new SetWorkingHoursHandler(kit.uow, kit.calendars).execute(
        SetWorkingHoursCommand.create({ calendarId: 'nowhere', workingHours: hours(['09:00', '17:00']) }),
      ),
    );
    expect(e.code).toBe('notFound');
    expect(e.message).toBe('calendar nowhere does not exist');
  });
});
