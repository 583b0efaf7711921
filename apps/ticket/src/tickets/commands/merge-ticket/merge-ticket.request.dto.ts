import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class MergeTicketRequestDto extends TicketActionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'the main ticket this one (a duplicate) will follow' })
  @IsUUID('all', { message: 'mainTicketId must be a ticket id (uuid)' })
  mainTicketId!: string;

  @ApiProperty({ maxLength: 2000, description: 'why they are the same problem' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason!: string;
}
