import { ApiPropertyOptional } from '@nestjs/swagger';
import { NeedKinds, NeedStatuses } from '@ticketing/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@ticketing/platform';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListNeedsRequestDto extends PageQuery(100) {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId?: string;

  @ApiPropertyOptional({
    description: `comma-separated: ${NeedStatuses.join(', ')}`,
    example: 'open,in_progress',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'status must be a comma-separated list' })
  @ArrayMaxSize(NeedStatuses.length, { message: 'status lists each status at most once' })
  @IsIn([...NeedStatuses], { each: true, message: `status must hold ${NeedStatuses.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: `comma-separated: ${NeedKinds.join(', ')}` })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'kind must be a comma-separated list' })
  @ArrayMaxSize(NeedKinds.length, { message: 'kind lists each kind at most once' })
  @IsIn([...NeedKinds], { each: true, message: `kind must hold ${NeedKinds.join(', ')}` })
  kind?: string[];
}
