import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LedgerTicketDto } from '../../../dashboard/dashboard.response.dto';

const INSTANT = { type: String, format: 'date-time', nullable: true } as const;

/** The enterprise as the ledger knows it; only id and name when it has no profile of it. */
export class EnterpriseFileProfileDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '统一社会信用代码' }) creditCode?:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) gridId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) gridName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) industry?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
  @ApiPropertyOptional() active?: boolean;
}

export class EnterpriseYearDto {
  @ApiProperty({ example: '2026', description: 'the year submitted (— when unknown)' }) year!: string;
  @ApiProperty({ type: 'integer' }) tickets!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer', description: 'the enterprise said it was solved' }) solved!: number;
  @ApiProperty({ type: 'integer', description: 'satisfied or basically satisfied' }) satisfied!: number;
  @ApiProperty({ type: 'integer', description: 'rated by the enterprise' }) feedback!: number;
}

/** A ticket of the file and how it ended. */
export class EnterpriseFileTicketDto extends LedgerTicketDto {
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiProperty({ type: [String], description: 'the co-handling departments’ names' })
  coHandlerNames!: string[];
  @ApiProperty(INSTANT) submittedAt!: string | null;
  @ApiProperty(INSTANT) acknowledgedAt!: string | null;
  @ApiProperty(INSTANT) resolveDueAt!: string | null;
  @ApiProperty(INSTANT) resolvedAt!: string | null;
  @ApiProperty(INSTANT) repliedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the department’s result' }) result!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the enterprise’s rating' }) satisfaction!:
    string | null;
  @ApiProperty({ type: Boolean, nullable: true }) solved!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) feedbackComment!: string | null;
  @ApiProperty({ type: 'integer' }) reopenCount!: number;
  @ApiProperty({ type: 'integer' }) transferCount!: number;
  @ApiProperty({ type: 'integer' }) extensionCount!: number;
  @ApiProperty({ type: String, nullable: true, enum: ['feedback', 'no_feedback', 'withdrawn'] })
  closeOutcome!: string | null;
  @ApiProperty(INSTANT) closedAt!: string | null;
  @ApiProperty(INSTANT) withdrawnAt!: string | null;
  @ApiProperty(INSTANT) jointMeetingAt!: string | null;
  @ApiProperty({ description: 'resolved by its resolution deadline' }) resolvedOnTime!: boolean;
}

export class EnterpriseFileResponseDto {
  @ApiProperty({ type: EnterpriseFileProfileDto }) enterprise!: EnterpriseFileProfileDto;
  @ApiProperty({ type: [EnterpriseYearDto], description: 'per year, newest first' })
  summary!: EnterpriseYearDto[];
  @ApiProperty({ type: [EnterpriseFileTicketDto], description: 'newest first (at most 1,000)' })
  tickets!: EnterpriseFileTicketDto[];
}
