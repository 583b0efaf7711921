import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class RequestExtensionRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason!: string;

  @ApiProperty({ format: 'date-time', description: 'the deadline you ask for; must be in the future' })
  @IsISO8601({ strict: true }, { message: 'proposedDueAt must be an ISO 8601 date-time' })
  proposedDueAt!: string;
}
