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
import { AttachmentResponseDto } from './attachment.response.dto';
import { UploadAttachmentCommand } from './upload-attachment.command';

@ApiTags('tickets')
@Controller('api/v1/tickets/attachments')
export class UploadAttachmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('enterprise', 'instructor', 'department', 'committee')
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Upload a file, then reference its id when submitting, resolving, answering a question, or with a message or note',
    description:
      'Accepted, by content (never by name): pictures (png, jpeg, gif, webp), PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx, .ppt), OpenDocument (.odt, .ods), and UTF-8 text under a .txt or .csv name. Macro-enabled Office files, archives, executables and installers are refused (415). The stored name gets the extension of what the file is.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: AttachmentResponseDto, description: 'the stored file: reference its id' })
  @ApiBadRequestResponse({ description: 'no file in field "file"' })
  @ApiPayloadTooLargeResponse({ description: 'larger than TICKET_ATTACHMENT_MAX_BYTES (default 10 MB)' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'the content is not an accepted type, whatever its name says',
  })
  upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<AttachmentResponseDto> {
    if (!file?.buffer)
      throw new ValidationProblem([
        { field: 'file', messages: ['file is required (multipart field "file")'] },
      ]);
    return this.commands.execute(
      UploadAttachmentCommand.create({ user, bytes: file.buffer, originalName: file.originalname }),
    );
  }
}
