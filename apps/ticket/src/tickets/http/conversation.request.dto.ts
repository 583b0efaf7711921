import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_VERSION } from '../commands/ticket-command';

/**
 * An addition to the conversation (a message, a note, an answer to the open question): it changes
 * nothing anyone could have seen stale, so the version is optional; when given it is checked.
 */
export class ConversationRequestDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'the ticket version you saw (optional here); a stale one gets 409',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'your own uploads (POST /api/v1/tickets/attachments) not used elsewhere yet',
  })
  @IsOptional()
  @IsArray({ message: 'attachmentIds must be a list of attachment ids' })
  @ArrayMaxSize(10, { message: 'attachmentIds may hold at most 10 ids' })
  @IsUUID('all', { each: true, message: 'attachmentIds must hold attachment ids (uuid)' })
  attachmentIds?: string[];
}
