import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NeedKinds } from '@ticketing/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class AddNeedRequestDto {
  @ApiPropertyOptional({ description: 'enterprises: omit (it is yours); others: the enterprise' })
  @IsOptional()
  @IsString({ message: 'enterpriseId must be text' })
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId?: string;

  @ApiProperty({
    enum: NeedKinds,
    description: 'project application / hiring / financing / matching / other',
  })
  @IsIn([...NeedKinds], { message: `kind must be one of ${NeedKinds.join(', ')}` })
  kind!: (typeof NeedKinds)[number];

  @ApiProperty({ maxLength: 100 })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'description must be text' })
  @IsNotEmpty({ message: 'description is required' })
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description!: string;

  @ApiPropertyOptional({ description: 'committee and admin: the department that follows it up' })
  @IsOptional()
  @IsString({ message: 'ownerDepartmentId must be text' })
  @Matches(EXTERNAL_ID, { message: 'ownerDepartmentId must be a department id' })
  ownerDepartmentId?: string;
}
