import { ApiProperty } from '@nestjs/swagger';
import { NoticeLoaded } from './load-notice.command';

export class NoticeLoadedResponseDto implements NoticeLoaded {
  @ApiProperty({ example: 'default' }) calendarId!: string;
  @ApiProperty({ type: 'integer', example: 2027 }) year!: number;
  @ApiProperty({ type: 'integer', description: 'the calendar’s version after the change' }) version!: number;
}
