import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BulkRequestDto } from '../../http/bulk.request.dto';
import { SupervisionLevel, SupervisionLevels } from '../supervise-ticket/supervise-ticket.command';

export class BulkSuperviseRequestDto extends BulkRequestDto {
  @ApiProperty({ enum: SupervisionLevels })
  @IsIn([...SupervisionLevels], { message: `level must be one of ${SupervisionLevels.join(', ')}` })
  level!: SupervisionLevel;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note!: string;
}
