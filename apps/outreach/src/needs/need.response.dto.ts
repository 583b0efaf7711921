import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NeedKinds, NeedStatuses, Roles } from '@ticketing/contracts';

export class NeedDepartmentDto {
  @ApiProperty({ example: 'dep-1' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '人社局', description: 'null when unknown' })
  name!: string | null;
}

export class NeedTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'CS-2026-000123' }) number!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'in_progress' }) status!: string | null;
}

export class NeedCreatorDto {
  @ApiProperty({ example: 'u-1' }) id!: string;
  @ApiProperty({ enum: Roles }) role!: string;
}

export class NeedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({ enum: NeedKinds }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: NeedStatuses }) status!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: NeedDepartmentDto,
    description: 'the department it was routed to',
  })
  ownerDepartment!: NeedDepartmentDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the instructor following it up' })
  ownerUserId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: NeedTicketDto, description: 'the related ticket' })
  ticket!: NeedTicketDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the visit it was raised in',
  })
  visitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) instructorUserId!: string | null;
  @ApiProperty({ type: NeedCreatorDto }) createdBy!: NeedCreatorDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
}

export class NeedPageDto {
  @ApiProperty({ type: [NeedResponseDto] }) items!: NeedResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
