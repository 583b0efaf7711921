import { ApiProperty } from '@nestjs/swagger';
import { TemplateResponseDto } from '../../template.response.dto';

export class TemplateListResponseDto {
  @ApiProperty({
    type: [TemplateResponseDto],
    description: 'zone-wide first, then by department, each by title',
  })
  items!: TemplateResponseDto[];
}
