import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TicketActionRequestDto } from '../../http/ticket-action.request.dto';

export class ResolveTicketRequestDto extends TicketActionRequestDto {
  @ApiProperty({ maxLength: 4000, description: 'what was done' })
  @IsString({ message: 'result must be text' })
  @IsNotEmpty({ message: 'result is required' })
  @MaxLength(4000, { message: 'result must be at most 4000 characters' })
  result!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'ids of files you uploaded as evidence',
  })
  @IsOptional()
  @IsArray({ message: 'evidenceAttachmentIds must be a list of attachment ids' })
  @ArrayMaxSize(10, { message: 'evidenceAttachmentIds may hold at most 10 ids' })
  @IsUUID('all', { each: true, message: 'evidenceAttachmentIds must hold attachment ids (uuid)' })
  evidenceAttachmentIds?: string[];
}
