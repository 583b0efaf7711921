import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A path of this API, without query string: `/api/v1/notify/stream`. */
export const STREAM_PATH = /^\/api\/v1(\/[a-z0-9][a-z0-9-]*)+$/;
export const STREAM_PATH_MAX_LENGTH = 200;

export class IssueStreamTicketRequestDto {
  @ApiProperty({
    description: 'the path of the event stream the ticket opens, without query string',
    example: '/api/v1/notify/stream',
    maxLength: STREAM_PATH_MAX_LENGTH,
    pattern: STREAM_PATH.source,
  })
  @IsString({ message: 'stream must be text' })
  @MaxLength(STREAM_PATH_MAX_LENGTH, {
    message: `stream must be at most ${STREAM_PATH_MAX_LENGTH} characters`,
  })
  @Matches(STREAM_PATH, { message: 'stream must be a path of this API, such as /api/v1/notify/stream' })
  stream!: string;
}

export class StreamTicketResponseDto {
  @ApiProperty({ description: 'append as ?ticket= to the stream path; works once' }) ticket!: string;
  @ApiProperty({ description: 'the ticket must be shown before this (30 seconds)' }) expiresAt!: string;
}
