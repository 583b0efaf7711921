import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Satisfaction, Satisfactions } from '@ticketing/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class RecordCallbackRequestDto extends TicketActionRequestDto {
  @ApiProperty({ description: 'did the department contact the enterprise? (its answer on the call)' })
  @IsBoolean({ message: 'contacted must be true or false' })
  contacted!: boolean;

  @ApiProperty({ description: 'is the problem solved? (its answer)' })
  @IsBoolean({ message: 'solved must be true or false' })
  solved!: boolean;

  @ApiProperty({ enum: Satisfactions, description: 'how satisfied it said it is' })
  @IsIn([...Satisfactions], { message: `satisfaction must be one of ${Satisfactions.join(', ')}` })
  satisfaction!: Satisfaction;

  @ApiPropertyOptional({ maxLength: 2000, description: 'what was said on the call' })
  @IsOptional()
  @IsString({ message: 'comment must be text' })
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  comment?: string;
}
