import { ApiProperty } from '@nestjs/swagger';
import { GridState } from './domain/grid.aggregate';

export class GridResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'east' }) code!: string;
  @ApiProperty({ example: '东区网格' }) name!: string;
  @ApiProperty({ type: [String], description: 'ids of the instructors assigned to this grid' })
  instructorUserIds!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  /** The aggregate, or the reader's row with its instructors. */
  static from(g: GridState): GridResponseDto {
    return {
      id: g.id,
      code: g.code,
      name: g.name,
      instructorUserIds: g.instructorUserIds,
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
