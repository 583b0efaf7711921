import { ApiProperty } from '@nestjs/swagger';
import { AllowedContentTypes } from '@ticketing/platform';

export class AttachmentResponseDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'reference it in attachmentIds (submit, answer, message, note) or evidenceAttachmentIds (resolve)',
  })
  id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: AllowedContentTypes, description: 'detected from the file itself' })
  contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'hex SHA-256 of the content' }) sha256!: string;
}
