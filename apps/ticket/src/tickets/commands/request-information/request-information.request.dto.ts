import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class RequestInformationRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 2000, description: 'what the enterprise is asked for (facts, documents)' })
  @IsString({ message: 'question must be text' })
  @IsNotEmpty({ message: 'question is required' })
  @MaxLength(2000, { message: 'question must be at most 2000 characters' })
  question!: string;
}
