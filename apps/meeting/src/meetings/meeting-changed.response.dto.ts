import { ApiProperty } from '@nestjs/swagger';
import { Meeting } from './domain/meeting.aggregate';

/** What a change to a meeting answers: enough to show it and change it again. */
export class MeetingChangedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] }) status!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
  @ApiProperty({ type: [String], description: 'the agenda items’ ids, in order' }) itemIds!: string[];
  @ApiProperty({ type: [String], description: 'recorded: the decisions made, one per decided item' })
  decisionIds!: string[];

  static of(m: Meeting): MeetingChangedResponseDto {
    const s = m.snapshot();
    return {
      id: s.id,
      status: s.status,
      version: s.version,
      itemIds: s.agenda.map((i) => i.itemId),
      decisionIds: [...s.decisionIds],
    };
  }
}
