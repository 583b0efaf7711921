import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class LinkTicketsRequestDto extends TicketActionRequestDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 20,
    description: 'the tickets related to this one (of any enterprise)',
  })
  @IsArray({ message: 'ticketIds must be a list of ticket ids' })
  @ArrayMinSize(1, { message: 'ticketIds must name at least one ticket' })
  @ArrayMaxSize(20, { message: 'ticketIds may name at most 20 tickets' })
  @IsUUID('all', { each: true, message: 'ticketIds must hold ticket ids (uuid)' })
  ticketIds!: string[];

  @ApiProperty({ maxLength: 2000, description: 'what ties them (e.g. the same burst water main)' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason!: string;
}
