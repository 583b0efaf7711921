import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class WithdrawTicketRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 1000, description: 'why the ticket is withdrawn' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}
