import { ApiProperty } from '@nestjs/swagger';
import { ImageContentTypes } from '@ticketing/platform';

export class VisitPhotoResponseDto {
  @ApiProperty({ format: 'uuid', description: 'pass in photoIds when recording the visit' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ImageContentTypes }) contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
}
