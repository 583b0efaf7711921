import { ApiProperty } from '@nestjs/swagger';

/** What a department answer is made of: the aggregate and the reader's rows both have these. */
export interface DepartmentFields {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class DepartmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'hrss' }) code!: string;
  @ApiProperty({ example: '人社局' }) nameZh!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Human Resources and Social Security Bureau' })
  nameEn!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(d: DepartmentFields): DepartmentResponseDto {
    return {
      id: d.id,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      active: d.active,
      version: d.version,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

export class DepartmentPageDto {
  @ApiProperty({ type: [DepartmentResponseDto] }) items!: DepartmentResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
