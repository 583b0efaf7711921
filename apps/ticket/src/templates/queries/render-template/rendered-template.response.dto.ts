import { ApiProperty } from '@nestjs/swagger';

export class RenderedTemplateResponseDto {
  @ApiProperty({ format: 'uuid' }) templateId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    description:
      'the body with {enterprise} (the enterprise’s name), {number} (the ticket number) and {deadline} (the deadline in force, Beijing time, e.g. 2026年3月12日 17:30; 待定 while none) filled in',
  })
  text!: string;
}
