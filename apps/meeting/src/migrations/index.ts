import { MeetingMessaging1765200000000 } from './1765200000000-meeting-messaging';
import { MeetingSchema1765200000001 } from './1765200000001-meeting-schema';
import { MeetingSessions1765310000000 } from './1765310000000-meeting-sessions';

/** Every migration of the meeting schema, in order. Committed; never generated at run time. */
export const meetingMigrations = [
  MeetingMessaging1765200000000,
  MeetingSchema1765200000001,
  MeetingSessions1765310000000,
];
