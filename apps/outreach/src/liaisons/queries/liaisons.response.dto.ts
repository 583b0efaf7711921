import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'from the directory; null when unknown' })
  name!: string | null;
}

export class LeaderDto {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) userId!: string | null;
}

export class DepartmentLiaisonViewDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPhone!: string | null;
}

/** Who to call for an enterprise (联系制度), as its file shows it. */
export class LiaisonsResponseDto {
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) gridName!: string | null;
  @ApiProperty({ description: '重点企业' }) keyEnterprise!: boolean;
  @ApiProperty({ type: [PersonRefDto] }) instructors!: PersonRefDto[];
  @ApiPropertyOptional({ type: LeaderDto, nullable: true }) leader!: LeaderDto | null;
  @ApiPropertyOptional({ type: DepartmentLiaisonViewDto, nullable: true })
  department!: DepartmentLiaisonViewDto | null;
  @ApiProperty({ description: '0 when none were set yet; pass as expectedVersion when setting' })
  version!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
}

export class EnterpriseListResponseDto {
  @ApiProperty({ type: [LiaisonsResponseDto] }) items!: LiaisonsResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as cursor for the next page' })
  nextCursor!: string | null;
}
