import { ApiProperty } from '@nestjs/swagger';
import { GridOrmEntity } from './infrastructure/grid.orm-entity';

export class GridResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'east' }) code!: string;
  @ApiProperty({ example: '东区网格' }) name!: string;
  @ApiProperty({ type: [String], description: 'ids of the instructors assigned to this grid' }) instructorUserIds!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(g: GridOrmEntity, instructorUserIds: string[]): GridResponseDto {
    return {
      id: g.id,
      code: g.code,
      name: g.name,
      instructorUserIds,
      version: g.version,
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
    };
  }
}

export class GridPageDto {
  @ApiProperty({ type: [GridResponseDto] }) items!: GridResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
