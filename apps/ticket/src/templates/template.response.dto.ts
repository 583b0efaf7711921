import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReplyPlaceholders, usedPlaceholders } from './domain/reply-placeholders';
import { ReplyTemplate, TemplateScopes } from './domain/reply-template.aggregate';

/** A reply template as its owner and the reply boxes see it. */
export class TemplateResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: TemplateScopes,
    description: 'zone: the committee’s, for everyone; department: one department’s own',
  })
  scope!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ maxLength: 100 }) title!: string;
  @ApiProperty({ maxLength: 2000 }) body!: string;
  @ApiProperty({
    type: [String],
    enum: ReplyPlaceholders,
    description: 'the placeholders the body uses ({enterprise} {number} {deadline})',
  })
  placeholders!: string[];
  @ApiProperty({ description: 'pass as expectedVersion when changing it' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() updatedById!: string;

  static of(t: ReplyTemplate): TemplateResponseDto {
    const s = t.snapshot();
    return {
      id: s.id,
      scope: s.scope,
      departmentId: s.departmentId,
      title: s.title,
      body: s.body,
      placeholders: usedPlaceholders(s.body),
      version: s.version,
      updatedAt: s.updatedAt.toISOString(),
      updatedById: s.updatedById,
    };
  }
}
