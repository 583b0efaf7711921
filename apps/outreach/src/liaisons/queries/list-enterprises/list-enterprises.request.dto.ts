import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@ticketing/platform';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListEnterprisesRequestDto extends PageQuery(100) {
  @ApiPropertyOptional({ description: 'only key enterprises (true) or only the others (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'keyEnterprise must be true or false' })
  keyEnterprise?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'gridId must be a grid id' })
  gridId?: string;
}
