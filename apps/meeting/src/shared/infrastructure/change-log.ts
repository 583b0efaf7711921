import { Injectable } from '@nestjs/common';
import { MeetingEventType, Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog as ServiceChangeLog, OutboxWriter } from '@ticketing/messaging';

/** The history and outbox events of meetings (keyed by the meeting) and decisions (keyed by the decision, as the SLA engine keys its clock): `meeting.history` and the meeting topic. */
@Injectable()
export class ChangeLog extends ServiceChangeLog<MeetingEventType> {
  constructor(tx: TransactionContext, outbox: OutboxWriter) {
    super(tx, outbox, 'meeting', Topics.Meeting);
  }
}
