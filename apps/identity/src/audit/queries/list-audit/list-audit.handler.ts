import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { AuditReader } from '../../infrastructure/audit.reader';
import { ListAuditQuery } from './list-audit.query';
import { AuditEntryResponseDto } from './list-audit.response.dto';

@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery, Page<AuditEntryResponseDto>> {
  constructor(private readonly audit: AuditReader) {}

  execute(q: ListAuditQuery): Promise<Page<AuditEntryResponseDto>> {
    return this.audit.list(q);
  }
}
