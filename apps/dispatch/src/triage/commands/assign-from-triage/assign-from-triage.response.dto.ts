import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RoutedTicketRecord } from '../../../tickets/domain/routed-ticket.aggregate';

export class DispatchDecisionResponseDto {
  @ApiProperty() ticketId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: ['triage', 'decided', 'withdrawn', 'closed'] }) status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) leadDepartmentId!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) firstHandlerDepartmentId!: string | null;
  @ApiPropertyOptional({ enum: ['rule', 'manual'], nullable: true }) decidedVia!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) explanation!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;

  static from(t: Readonly<RoutedTicketRecord>): DispatchDecisionResponseDto {
    return {
      ticketId: t.ticketId,
      number: t.number,
      status: t.status,
      leadDepartmentId: t.leadDepartmentId,
      coHandlerDepartmentIds: t.coHandlerDepartmentIds,
      firstHandlerDepartmentId: t.firstHandlerDepartmentId,
      decidedVia: t.decidedVia,
      explanation: t.explanation,
      decidedAt: t.decidedAt?.toISOString() ?? null,
    };
  }
}
