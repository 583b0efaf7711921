import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Problem, PROBLEM_REF } from '@ticketing/platform';

export class BulkTriageItemResultDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ description: 'true: assigned (dispatch.decided via manual); false: refused, see problem' })
  ok!: boolean;
  @ApiPropertyOptional({ example: 'CS-2026-000123' }) number?: string;
  @ApiPropertyOptional({ enum: ['decided'] }) status?: string;
  @ApiPropertyOptional() leadDepartmentId?: string;
  @ApiPropertyOptional({ type: [String] }) coHandlerDepartmentIds?: string[];
  @ApiPropertyOptional({
    allOf: [PROBLEM_REF],
    description:
      'when refused: the problem this ticket alone would have answered on POST /triage/{ticketId}/assign — 404 unknown to the desk, 409 no longer in triage (`state` names where it is), 400 naming a field',
  })
  problem?: Problem;
}

export class BulkTriageResultDto {
  @ApiProperty({ type: [BulkTriageItemResultDto], description: 'one per ticket, in the order given' })
  results!: BulkTriageItemResultDto[];
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}
