import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { AllowedContentTypes, isPreviewable } from '@ticketing/platform';
import { AttachmentDownload } from './download-attachment.handler';
import { DownloadAttachmentQuery } from './download-attachment.query';
import { DownloadAttachmentRequestDto } from './download-attachment.request.dto';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
const contentDisposition = (kind: 'inline' | 'attachment', name: string): string => {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

@ApiTags('tickets')
@Controller('api/v1/tickets/attachments')
export class DownloadAttachmentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  // helmet sets nosniff for every response; said here too because this endpoint serves user content.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Download an attachment, or preview a picture or PDF in place (?inline=1)',
    description:
      'Served with its detected Content-Type and X-Content-Type-Options: nosniff. Content-Disposition is inline only for pictures and PDF asked with inline=1; every other file, and every file asked without it, is a download.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({
    name: 'inline',
    required: false,
    enum: ['0', '1'],
    description: '1: show a picture or PDF in place',
  })
  @ApiProduces(...AllowedContentTypes)
  @ApiOkResponse({
    description: 'the file, with its detected Content-Type',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'inline is neither 0 nor 1' })
  @ApiNotFoundResponse({
    description:
      'no such attachment, or not one you can see (a file of an internal note, for the enterprise)',
  })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: DownloadAttachmentRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const { row, stream } = await this.queries.execute<DownloadAttachmentQuery, AttachmentDownload>(
      DownloadAttachmentQuery.create({ user, attachmentId: id }),
    );
    const inline = q.inline === '1' && isPreviewable(row.contentType);
    return new StreamableFile(stream, {
      type: row.contentType,
      length: row.size,
      disposition: contentDisposition(inline ? 'inline' : 'attachment', row.fileName),
    });
  }
}
