import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { filter, Observable } from 'rxjs';
import { departmentScope } from '../../../shared/scope';
import { AppendedNotice } from '../../domain/appended-notice';
import { LedgerStream } from '../../infrastructure/ledger-stream';
import { WatchLedgerQuery } from './watch-ledger.query';

/**
 * The live feed of appended entries: the committee and admins hear every one, a department those
 * about itself, like its figures (a department user without a department hears nothing: refused).
 */
@QueryHandler(WatchLedgerQuery)
export class WatchLedgerHandler implements IQueryHandler<WatchLedgerQuery, Observable<AppendedNotice>> {
  constructor(private readonly stream: LedgerStream) {}

  async execute({ user }: WatchLedgerQuery): Promise<Observable<AppendedNotice>> {
    const own = departmentScope(user, undefined);
    const notices = await this.stream.appended();
    return own === undefined ? notices : notices.pipe(filter((n) => n.departmentId === own));
  }
}
