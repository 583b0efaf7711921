import { ApiProperty } from '@nestjs/swagger';
import { EnterpriseState } from './domain/enterprise.aggregate';
import { EnterpriseContactDto } from './enterprise.request.parts';

export class EnterpriseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '贵州六枝恒达机械制造有限公司' }) name!: string;
  @ApiProperty({ example: '91520203MA6DK8XY2Q', description: '统一社会信用代码' }) creditCode!: string;
  @ApiProperty({ nullable: true, type: String }) industry!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) gridId!: string | null;
  @ApiProperty({ type: [EnterpriseContactDto] }) contacts!: EnterpriseContactDto[];
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** The aggregate, or the reader's row. */
  static from(e: EnterpriseState): EnterpriseResponseDto {
    return {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      industry: e.industry,
      address: e.address,
      gridId: e.gridId,
      contacts: e.contacts,
      active: e.active,
      version: e.version,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

export class EnterprisePageDto {
  @ApiProperty({ type: [EnterpriseResponseDto] }) items!: EnterpriseResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
