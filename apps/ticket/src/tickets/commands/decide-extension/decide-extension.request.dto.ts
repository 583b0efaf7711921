import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class DecideExtensionRequestDto extends TicketActionRequestDto {
  @ApiProperty()
  @IsBoolean({ message: 'approved must be true or false' })
  approved!: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when approved: the new resolution deadline (default: the proposed one)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'newDueAt must be an ISO 8601 date-time' })
  newDueAt?: string;
}
