import { ApiProperty } from '@nestjs/swagger';
import { TaskTopicKinds } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID } from '../shared/http/outreach-http';
import { MAX_TOPICS } from './domain/task-list.aggregate';

export class TaskTopicRequestDto {
  @ApiProperty({ enum: TaskTopicKinds, description: 'policy to explain / problem to follow up / other' })
  @IsIn([...TaskTopicKinds], { message: `kind must be one of ${TaskTopicKinds.join(', ')}` })
  kind!: (typeof TaskTopicKinds)[number];

  @ApiProperty({ maxLength: 200, example: '讲解稳岗补贴申领' })
  @IsString({ message: 'text must be text' })
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(200, { message: 'text must be at most 200 characters' })
  text!: string;
}

export class PlannedItemRequestDto {
  @ApiProperty()
  @IsString({ message: 'enterpriseId must be text' })
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId!: string;

  @ApiProperty({ type: [TaskTopicRequestDto], maxItems: MAX_TOPICS })
  @IsArray({ message: 'topics must be a list' })
  @ArrayMaxSize(MAX_TOPICS, { message: `topics may hold at most ${MAX_TOPICS}` })
  @ValidateNested({ each: true })
  @Type(() => TaskTopicRequestDto)
  topics!: TaskTopicRequestDto[];
}
