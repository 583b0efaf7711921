import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam, ImageContentTypes } from '@ticketing/platform';
import { DownloadVisitPhotoQuery } from './download-visit-photo.query';
import { VisitPhotoDownload } from './download-visit-photo.handler';

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
const contentDisposition = (name: string): string => {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

@ApiTags('outreach: visits')
@Controller('api/v1/outreach/visits/photos')
export class DownloadVisitPhotoHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('instructor', 'committee', 'admin')
  // helmet sets nosniff for every response; said here too because this endpoint serves user content.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download a visit photo (always as a download, never rendered inline)' })
  @ApiProduces(...ImageContentTypes)
  @ApiOkResponse({
    description: 'the photo, with its detected Content-Type',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: 'no such photo, or not one you can see' })
  async download(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const { photo, stream } = await this.queries.execute<DownloadVisitPhotoQuery, VisitPhotoDownload>(
      DownloadVisitPhotoQuery.create({ user, photoId: id }),
    );
    return new StreamableFile(stream, {
      type: photo.contentType,
      length: photo.size,
      disposition: contentDisposition(photo.fileName),
    });
  }
}
