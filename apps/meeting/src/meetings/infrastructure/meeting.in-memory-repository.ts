import { RecordedChange } from '../../shared/domain/recorded-change';
import { Meeting, MeetingProps } from '../domain/meeting.aggregate';
import { MeetingRepository } from '../domain/meeting.repository';

/** Meetings in memory, for handler specs; keeps what the outbox would have carried. */
export class InMemoryMeetingRepository extends MeetingRepository {
  readonly rows = new Map<string, MeetingProps>();
  readonly saved: RecordedChange[] = [];

  async lockById(id: string): Promise<Meeting | null> {
    const props = this.rows.get(id);
    return props ? Meeting.rehydrate(structuredClone(props)) : null;
  }

  async add(meeting: Meeting): Promise<void> {
    await this.save(meeting);
  }

  async save(meeting: Meeting): Promise<void> {
    this.rows.set(meeting.id, structuredClone(meeting.snapshot()) as MeetingProps);
    this.saved.push(...meeting.pullChanges());
  }

  seed(meeting: Meeting): void {
    meeting.pullChanges();
    this.rows.set(meeting.id, structuredClone(meeting.snapshot()) as MeetingProps);
  }
}
