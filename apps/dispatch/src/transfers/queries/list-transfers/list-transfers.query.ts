import { Query } from '@ticketing/platform';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TransferStatus, TransferStatuses } from '../../domain/transfer-request';

export class ListTransfersQuery extends Query {
  @IsOptional() @IsIn([...TransferStatuses]) readonly status!: TransferStatus | null;
  @IsInt() @Min(1) @Max(200) readonly limit!: number;
  /** nextCursor of the previous page. */
  @IsOptional() @IsString() readonly cursor!: string | null;
}
