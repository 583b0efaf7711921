import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NeedKinds, NeedStatuses } from '@ticketing/contracts';

export class NeedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({ enum: NeedKinds }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: NeedStatuses }) status!: string;
  @ApiPropertyOptional({ nullable: true, example: { id: 'dep-1', name: '人社局' } })
  ownerDepartment!: { id: string; name: string | null } | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the instructor following it up' })
  ownerUserId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    example: { id: 'uuid', number: 'CS-2026-000123', status: 'in_progress' },
  })
  ticket!: { id: string; number: string | null; status: string | null } | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the visit it was raised in',
  })
  visitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) instructorUserId!: string | null;
  @ApiProperty({ example: { id: 'u-1', role: 'enterprise' } }) createdBy!: { id: string; role: string };
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
}

export class NeedPageDto {
  @ApiProperty({ type: [NeedResponseDto] }) items!: NeedResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
