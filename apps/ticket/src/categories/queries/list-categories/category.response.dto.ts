import { ApiProperty } from '@nestjs/swagger';

export class CategoryResponseDto {
  @ApiProperty({ example: 'utilities' }) code!: string;
  @ApiProperty({ example: '水电气暖' }) zh!: string;
  @ApiProperty({ example: 'Water, power, gas, heating' }) en!: string;
}
