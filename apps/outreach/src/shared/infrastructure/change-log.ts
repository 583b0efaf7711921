import { Injectable } from '@nestjs/common';
import { OutreachEventType, Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog as ServiceChangeLog, OutboxWriter } from '@ticketing/messaging';

/** The history and outbox events of every outreach record: `outreach.history` and the outreach topic. */
@Injectable()
export class ChangeLog extends ServiceChangeLog<OutreachEventType> {
  constructor(tx: TransactionContext, outbox: OutboxWriter) {
    super(tx, outbox, 'outreach', Topics.Outreach);
  }
}
