import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class RequestTransferRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 2000, description: 'why it is not (only) yours' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason!: string;
}
