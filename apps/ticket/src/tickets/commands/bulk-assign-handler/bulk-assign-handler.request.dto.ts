import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BulkRequestDto } from '../../http/bulk.request.dto';

export class BulkAssignHandlerRequestDto extends BulkRequestDto {
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 100,
    description: 'a user of your department (GET /api/v1/tickets/handlers), or null for nobody',
  })
  @IsOptional()
  @IsString({ message: 'handlerUserId must be a user id or null' })
  @IsNotEmpty({ message: 'handlerUserId must not be empty (null for nobody)' })
  @MaxLength(100, { message: 'handlerUserId must be at most 100 characters' })
  handlerUserId!: string | null;
}
