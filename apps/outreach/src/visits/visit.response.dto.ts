import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Urgencies, VisitModes } from '@ticketing/contracts';

export class VisitTicketDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/tickets/:id' }) id!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'as the ticket events last said' })
  status!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'the enterprise’s say: solved' })
  solved!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) satisfaction!: string | null;
}

export class VisitContactViewDto {
  @ApiProperty({ example: '王经理' }) name!: string;
  @ApiProperty({ example: '13800138000' }) phone!: string;
}

export class VisitInstructorDto {
  @ApiProperty({ example: 'u-1' }) id!: string;
  @ApiProperty({ example: '李指导员' }) name!: string;
}

export class VisitProblemViewDto {
  @ApiProperty() index!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: Urgencies }) urgency!: string;
  @ApiProperty({ type: VisitContactViewDto }) contact!: VisitContactViewDto;
  @ApiPropertyOptional({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ type: [String], description: 'empty for the enterprise' }) photoIds!: string[];
  @ApiPropertyOptional({
    nullable: true,
    type: VisitTicketDto,
    description: 'the ticket it became (来自走访); null until the ticket service has submitted it',
  })
  ticket!: VisitTicketDto | null;
}

export class VisitPhotoRefDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/outreach/visits/photos/:id' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

/** 走访记录. The enterprise sees it without the instructor’s notes and photos. */
export class VisitResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({ type: VisitInstructorDto }) instructor!: VisitInstructorDto;
  @ApiProperty({ type: [String] }) companions!: string[];
  @ApiProperty({ format: 'date-time' }) visitedAt!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ enum: VisitModes }) mode!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'internal notes; null for the enterprise',
  })
  findings!: string | null;
  @ApiProperty({ type: [VisitPhotoRefDto], description: 'empty for the enterprise' })
  photos!: VisitPhotoRefDto[];
  @ApiProperty({ type: [VisitProblemViewDto] }) problems!: VisitProblemViewDto[];
  @ApiProperty({ type: [String] }) needIds!: string[];
  @ApiProperty({ description: 'on the instructor’s published task list for the month' }) planned!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) taskListId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class VisitSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ type: VisitInstructorDto }) instructor!: VisitInstructorDto;
  @ApiProperty({ format: 'date-time' }) visitedAt!: string;
  @ApiProperty() month!: string;
  @ApiProperty({ enum: VisitModes }) mode!: string;
  @ApiProperty() planned!: boolean;
  @ApiProperty() problemCount!: number;
  @ApiProperty({ description: 'problems already tickets' }) ticketCount!: number;
  @ApiProperty() needCount!: number;
}

export class VisitPageDto {
  @ApiProperty({ type: [VisitSummaryDto] }) items!: VisitSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
