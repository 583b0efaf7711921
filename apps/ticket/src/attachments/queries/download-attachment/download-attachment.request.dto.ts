import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class DownloadAttachmentRequestDto {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1: show a picture or PDF in place (a preview)' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'inline must be 0 or 1' })
  inline?: '0' | '1';
}
