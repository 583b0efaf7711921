import { Meeting } from './meeting.aggregate';

/** Meetings with their agenda. `lockById` holds the meeting for the rest of the unit of work. */
export abstract class MeetingRepository {
  abstract lockById(id: string): Promise<Meeting | null>;
  abstract add(meeting: Meeting): Promise<void>;
  abstract save(meeting: Meeting): Promise<void>;
}
