import { ApiProperty } from '@nestjs/swagger';
import { TicketStatus, TicketStatuses } from '@ticketing/contracts';
import { Ticket } from './domain/ticket.aggregate';

/** What every state change answers: enough to show the new status and act again with the new version. */
export class TicketChangedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: TicketStatus;
  @ApiProperty({ description: 'pass this as expectedVersion with your next change' }) version!: number;

  static of(t: Ticket): TicketChangedResponseDto {
    return { id: t.id, number: t.snapshot().number, status: t.status, version: t.version };
  }
}
