import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TransferRequestRecord } from './domain/transfer-request.aggregate';

export class TransferRequestResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() ticketId!: string;
  @ApiProperty() ticketNumber!: string;
  @ApiProperty({ description: 'the department that asked to hand the ticket on' }) fromDepartmentId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'cancelled'] }) status!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'approved: the new lead' })
  leadDepartmentId!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the ticket’s title (in lists)' })
  ticketTitle?: string | null;

  static from(r: Readonly<TransferRequestRecord>): TransferRequestResponseDto {
    return {
      id: r.id,
      ticketId: r.ticketId,
      ticketNumber: r.ticketNumber,
      fromDepartmentId: r.fromDepartmentId,
      reason: r.reason,
      requestedAt: r.requestedAt.toISOString(),
      requestedBy: r.requestedBy,
      status: r.status,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedBy,
      leadDepartmentId: r.leadDepartmentId,
      coHandlerDepartmentIds: r.coHandlerDepartmentIds,
      note: r.note,
    };
  }
}
