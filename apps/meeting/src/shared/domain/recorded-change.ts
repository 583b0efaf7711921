import {
  MeetingEventType,
  RecordedAggregate as AnyRecordedAggregate,
  RecordedChange as AnyRecordedChange,
  RecordedChangeOf as AnyRecordedChangeOf,
} from '@ticketing/contracts';

/** One thing that happened to a meeting record (see RecordedChangeOf in @ticketing/contracts). */
export type RecordedChangeOf<T extends MeetingEventType> = AnyRecordedChangeOf<T>;
export type RecordedChange = AnyRecordedChange<MeetingEventType>;

/** What every meeting aggregate offers its repository: the changes since it was loaded. */
export abstract class RecordedAggregate extends AnyRecordedAggregate<MeetingEventType> {}
