import { ApiProperty } from '@nestjs/swagger';
import { CalendarVersion } from './create-calendar.command';

export class CalendarVersionResponseDto implements CalendarVersion {
  @ApiProperty({ example: 'zone-east' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'the calendar’s version after the change' }) version!: number;
}
