import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

const STATUSES = ['open', 'done', 'closed'];
const FLAGS = ['yellow', 'red'];
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListDecisionsRequestDto extends PageQuery(100) {
  @ApiPropertyOptional({
    description: 'a department: the decisions it leads or co-handles (its queue; always so for a department)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ description: `comma-separated: ${STATUSES.join(', ')}`, example: 'open,done' })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'status must be a comma-separated list' })
  @ArrayMaxSize(STATUSES.length, { message: 'status lists each status at most once' })
  @IsIn(STATUSES, { each: true, message: `status must hold ${STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: `comma-separated: ${FLAGS.join(', ')} (黄牌, 红牌)` })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'flag must be a comma-separated list' })
  @ArrayMaxSize(FLAGS.length, { message: 'flag lists each flag at most once' })
  @IsIn(FLAGS, { each: true, message: `flag must hold ${FLAGS.join(', ')}` })
  flag?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'the decisions of one meeting' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a meeting id (uuid)' })
  meetingId?: string;
}
