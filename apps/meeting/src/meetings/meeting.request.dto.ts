import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE, MAX_ITEMS } from '../shared/http/meeting-http';

/** What the committee may put on an agenda by hand; follow-ups of earlier decisions are added by the service. */
export const RequestedItemKinds = ['ticket', 'need', 'topic'] as const;
export type RequestedItemKind = (typeof RequestedItemKinds)[number];

/**
 * An agenda item: a ticket (an agenda candidate from GET /meetings/candidates, or any other by
 * id), an enterprise's need (需求清单) by id, or a free topic with a title.
 */
export class AgendaItemRequestDto {
  @ApiProperty({ enum: RequestedItemKinds })
  @IsIn([...RequestedItemKinds], { message: `kind must be one of ${RequestedItemKinds.join(', ')}` })
  kind!: RequestedItemKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind ticket: the ticket' })
  @ValidateIf((o: AgendaItemRequestDto) => o.kind === 'ticket' || o.ticketId !== undefined)
  @IsUUID('all', { message: 'ticketId must be a ticket id (uuid)' })
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind need: the need' })
  @ValidateIf((o: AgendaItemRequestDto) => o.kind === 'need' || o.needId !== undefined)
  @IsUUID('all', { message: 'needId must be a need id (uuid)' })
  needId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'kind topic: required; ticket and need: optional, instead of the ticket’s or need’s own title',
  })
  @ValidateIf((o: AgendaItemRequestDto) => o.kind === 'topic' || o.title !== undefined)
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required for a topic' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ description: 'kind topic: the enterprise it concerns (invited with it)' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: `enterpriseId ${EXTERNAL_ID_MESSAGE}` })
  enterpriseId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'kind topic: the departments it concerns (invited with it)',
  })
  @IsOptional()
  @IsArray({ message: 'departmentIds must be a list of department ids' })
  @ArrayMaxSize(30, { message: 'departmentIds may hold at most 30 ids' })
  @Matches(EXTERNAL_ID, {
    each: true,
    message: `departmentIds must hold department ids (${EXTERNAL_ID_MESSAGE})`,
  })
  departmentIds?: string[];
}

export const idList = (field: string, what: string) => [
  IsArray({ message: `${field} must be a list of ${what} ids` }),
  ArrayMaxSize(MAX_ITEMS, { message: `${field} may hold at most ${MAX_ITEMS} ids` }),
  IsString({ each: true, message: `${field} must hold ${what} ids` }),
  Matches(EXTERNAL_ID, { each: true, message: `${field} must hold ${what} ids (${EXTERNAL_ID_MESSAGE})` }),
];

/** Applies several property decorators (class-validator's are plain functions). */
export const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };
