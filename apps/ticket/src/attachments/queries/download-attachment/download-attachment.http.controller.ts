import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { AllowedContentTypes } from '../../domain/file-signature';
import { AttachmentDownload } from './download-attachment.handler';
import { DownloadAttachmentQuery } from './download-attachment.query';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
const contentDisposition = (name: string): string => {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
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
  @ApiOperation({ summary: 'Download an attachment (always as a download, never rendered inline)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(...AllowedContentTypes)
  @ApiOkResponse({ description: 'the file, with its detected Content-Type' })
  @ApiNotFoundResponse({ description: 'no such attachment, or not one you can see' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    const { row, stream } = await this.queries.execute<DownloadAttachmentQuery, AttachmentDownload>(
      new DownloadAttachmentQuery(user, id),
    );
    return new StreamableFile(stream, {
      type: row.contentType,
      length: row.size,
      disposition: contentDisposition(row.fileName),
    });
  }
}
