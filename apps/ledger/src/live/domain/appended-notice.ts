/** What the live stream says of an entry as it commits (no payload: listeners read the entry if they need it). */
export interface AppendedNotice {
  seq: number;
  type: string;
  topic: string;
  ticketId: string | null;
  departmentId: string | null;
  occurredAt: string;
}
