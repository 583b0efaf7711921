import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ValidationProblem } from '@ticketing/platform';
import { UploadVisitPhotoCommand } from './upload-visit-photo.command';
import { VisitPhotoResponseDto } from './visit-photo.response.dto';

@ApiTags('outreach: visits')
@Controller('api/v1/outreach/visits/photos')
export class UploadVisitPhotoHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('instructor')
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Upload a visit photo (png, jpeg, gif, webp), then reference its id when recording the visit',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: VisitPhotoResponseDto, description: 'the stored photo: reference its id' })
  @ApiBadRequestResponse({ description: 'no file in field "file"' })
  @ApiPayloadTooLargeResponse({ description: 'larger than OUTREACH_PHOTO_MAX_BYTES (default 10 MB)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'the content is not a picture, whatever its name says' })
  upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<VisitPhotoResponseDto> {
    if (!file?.buffer)
      throw new ValidationProblem([
        { field: 'file', messages: ['file is required (multipart field "file")'] },
      ]);
    return this.commands.execute(
      UploadVisitPhotoCommand.create({ user, bytes: file.buffer, originalName: file.originalname }),
    );
  }
}
