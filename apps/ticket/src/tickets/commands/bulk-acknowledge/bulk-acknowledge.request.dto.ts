import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BulkRequestDto } from '../../http/bulk.request.dto';

export class BulkAcknowledgeRequestDto extends BulkRequestDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'the same note on every acknowledgement' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}
