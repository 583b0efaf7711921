import {
  OutreachEventType,
  RecordedAggregate as AnyRecordedAggregate,
  RecordedChange as AnyRecordedChange,
  RecordedChangeOf as AnyRecordedChangeOf,
} from '@ticketing/contracts';

/** One thing that happened to a outreach record (see RecordedChangeOf in @ticketing/contracts). */
export type RecordedChangeOf<T extends OutreachEventType> = AnyRecordedChangeOf<T>;
export type RecordedChange = AnyRecordedChange<OutreachEventType>;

/** What every outreach aggregate offers its repository: the changes since it was loaded. */
export abstract class RecordedAggregate extends AnyRecordedAggregate<OutreachEventType> {}
