import { ApiProperty } from '@nestjs/swagger';

export class HandlerDto {
  @ApiProperty({ description: 'handlerUserId when naming them' }) userId!: string;
  @ApiProperty() name!: string;
}

export class HandlerListResponseDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ type: [HandlerDto], description: 'the department’s active staff, by name' })
  items!: HandlerDto[];
}
