import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NeedStatuses } from '@ticketing/contracts';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class UpdateNeedRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiPropertyOptional({ enum: NeedStatuses, description: 'open → in_progress → met / closed' })
  @IsOptional()
  @IsIn([...NeedStatuses], { message: `status must be one of ${NeedStatuses.join(', ')}` })
  status?: (typeof NeedStatuses)[number];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'committee and admin: the owning department (null: none)',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString({ message: 'ownerDepartmentId must be text' })
  @Matches(EXTERNAL_ID, { message: 'ownerDepartmentId must be a department id' })
  ownerDepartmentId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'a ticket of the same enterprise (null: none)',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'ticketId must be a ticket id (uuid)' })
  ticketId?: string | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}
