import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { MAX_ITEMS } from '../../domain/task-list.aggregate';
import { PlannedItemRequestDto } from '../../task-list-items.request.dto';

export class ReviseTaskListRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiProperty({
    type: [PlannedItemRequestDto],
    maxItems: MAX_ITEMS,
    description: 'the whole list, as it should be',
  })
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(MAX_ITEMS, { message: `items may hold at most ${MAX_ITEMS}` })
  @ValidateNested({ each: true })
  @Type(() => PlannedItemRequestDto)
  items!: PlannedItemRequestDto[];
}
