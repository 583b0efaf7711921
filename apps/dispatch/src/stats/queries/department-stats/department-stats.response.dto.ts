import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DepartmentStatsRowDto {
  @ApiProperty() departmentId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ description: 'times it became lead (ticket.assigned)' }) assigned!: number;
  @ApiProperty({ description: 'transfer requests it made (ticket.transfer-requested)' })
  transferRequests!: number;
  @ApiProperty({ description: 'of its requests, approved by the committee (decided in the period)' })
  transfersApproved!: number;
  @ApiProperty({ description: 'of its requests, rejected by the committee (decided in the period)' })
  transfersRejected!: number;
  @ApiProperty({ description: 'tickets reopened while it led them (ticket.reopened)' }) reopens!: number;
}

export class DepartmentStatsResponseDto {
  @ApiPropertyOptional({ type: String, nullable: true }) from!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) to!: string | null;
  @ApiProperty({ description: 'each figure counts facts with from <= occurredAt < to' }) formula!: string;
  @ApiProperty({ type: [DepartmentStatsRowDto] }) departments!: DepartmentStatsRowDto[];
}
