import { OptionalId, RequiredDate } from '../../../shared/query-fields';

export class ExportLedgerRequestDto {
  @RequiredDate('from', 'first day (Asia/Shanghai), by submission', '2026-03-01')
  from!: string;

  @RequiredDate('to', 'last day, inclusive', '2026-03-31')
  to!: string;

  @OptionalId('departmentId')
  departmentId?: string;
}
