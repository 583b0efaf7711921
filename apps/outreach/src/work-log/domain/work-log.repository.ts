import { WorkLogEntry } from './work-log-entry.aggregate';

/** The work log's hand-written lines; `add` writes the row, its history and its event together. */
export abstract class WorkLogRepository {
  abstract add(entry: WorkLogEntry): Promise<void>;
}
