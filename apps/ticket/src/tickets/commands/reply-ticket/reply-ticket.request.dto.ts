import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class ReplyTicketRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString({ message: 'message must be text' })
  @IsNotEmpty({ message: 'message is required' })
  @MaxLength(4000, { message: 'message must be at most 4000 characters' })
  message!: string;
}
