import { ApiProperty } from '@nestjs/swagger';
import {
  BulletinAuthorRef,
  BulletinOverdueRef,
  BulletinPeriodKinds,
  BulletinPublishedPayload,
  BulletinRankingRef,
} from '@ticketing/contracts';
import { BulletinSummary } from './infrastructure/bulletins.reader';

export class BulletinAuthorDto implements BulletinAuthorRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class BulletinRankingRowDto implements BulletinRankingRef {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank!: number;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'the ranking score in [0, 1] (shown ×100 with one decimal); null when nothing was due',
  })
  score!: number | null;
  @ApiProperty({ type: 'integer', description: 'tickets received in the period' }) received!: number;
}

export class BulletinOverdueDto implements BulletinOverdueRef {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: ['resolve', 'reply'], description: 'resolve: 办结时限; reply: 答复时限' })
  clock!: 'resolve' | 'reply';
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while it is still not done',
  })
  doneAt!: string | null;
}

/** A published bulletin (工作通报) exactly as frozen and chained: the ledger.bulletin-published payload. */
export class BulletinResponseDto implements BulletinPublishedPayload {
  @ApiProperty({ format: 'uuid' }) bulletinId!: string;
  @ApiProperty({ enum: BulletinPeriodKinds }) periodKind!: BulletinPublishedPayload['periodKind'];
  @ApiProperty({ example: '2026-Q4', description: '2026-12, 2026-Q4 or 2026' }) period!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'one paragraph a group robot can send as it is' }) summary!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: BulletinAuthorDto }) publishedBy!: BulletinAuthorDto;
  @ApiProperty({ description: 'the ranking formula in force when it was published' }) formula!: string;
  @ApiProperty({ type: [BulletinRankingRowDto], description: 'best first' })
  ranking!: BulletinRankingRowDto[];
  @ApiProperty({ type: [BulletinOverdueDto], description: 'the named overdue tickets (at most 500)' })
  overdue!: BulletinOverdueDto[];
  @ApiProperty({ type: 'integer', description: 'overdue tickets in the period, named or not' })
  overdueTotal!: number;
  @ApiProperty({ type: [String], description: 'every department it is sent to' }) departmentIds!: string[];
}

export class BulletinSummaryDto implements BulletinSummary {
  @ApiProperty({ format: 'uuid' }) bulletinId!: string;
  @ApiProperty({ enum: BulletinPeriodKinds }) periodKind!: string;
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: BulletinAuthorDto }) publishedBy!: BulletinAuthorDto;
  @ApiProperty({ type: 'integer', description: 'departments in its ranking' }) departments!: number;
  @ApiProperty({ type: 'integer' }) overdueTotal!: number;
}

export class BulletinPageDto {
  @ApiProperty({ type: [BulletinSummaryDto], description: 'newest first' }) items!: BulletinSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as before for the next page (the last item’s publishedAt); null: the last page',
  })
  nextCursor!: string | null;
}
