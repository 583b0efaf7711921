import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfaction, Satisfactions } from '@ticketing/contracts';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class GiveFeedbackRequestDto extends TicketActionRequestDto {
  @ApiProperty({ description: 'did the department contact you?' })
  @IsBoolean({ message: 'contacted must be true or false' })
  contacted!: boolean;

  @ApiProperty({ description: 'is the problem solved?' })
  @IsBoolean({ message: 'solved must be true or false' })
  solved!: boolean;

  @ApiProperty({ enum: Satisfactions })
  @IsIn([...Satisfactions], { message: `satisfaction must be one of ${Satisfactions.join(', ')}` })
  satisfaction!: Satisfaction;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'comment must be text' })
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  comment?: string;
}
