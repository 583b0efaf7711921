import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class ReportPartRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString({ message: 'content must be text' })
  @IsNotEmpty({ message: 'content is required' })
  @MaxLength(4000, { message: 'content must be at most 4000 characters' })
  content!: string;
}
