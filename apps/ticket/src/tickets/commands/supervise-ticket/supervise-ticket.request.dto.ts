import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SupervisionLevel, SupervisionLevels } from './supervise-ticket.command';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class SuperviseTicketRequestDto extends TicketActionRequestDto {
  @ApiProperty({ enum: SupervisionLevels })
  @IsIn([...SupervisionLevels], { message: `level must be one of ${SupervisionLevels.join(', ')}` })
  level!: SupervisionLevel;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note!: string;
}
