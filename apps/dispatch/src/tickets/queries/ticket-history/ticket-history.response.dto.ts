import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TransferRequestResponseDto } from '../../../transfers/transfer.response.dto';

export class HistoryEntryDto {
  @ApiProperty({ example: 'transfer-requested' }) kind!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) departmentId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class TicketHistoryResponseDto {
  @ApiProperty() ticketId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) number!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['triage', 'decided', 'withdrawn', 'closed'] }) status!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) leadDepartmentId!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '首办: the first lead, kept through transfers',
  })
  firstHandlerDepartmentId!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['rule', 'manual'] }) decidedVia!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ruleId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) ruleVersion!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: [HistoryEntryDto], description: 'oldest first' }) entries!: HistoryEntryDto[];
  @ApiProperty({ type: [TransferRequestResponseDto] }) transfers!: TransferRequestResponseDto[];
}
