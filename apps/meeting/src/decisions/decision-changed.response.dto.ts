import { ApiProperty } from '@nestjs/swagger';
import { Decision } from './domain/decision.aggregate';

/** What a change to a decision answers: enough to show it and change it again. */
export class DecisionChangedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['open', 'done', 'closed'] }) status!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;

  static of(d: Decision): DecisionChangedResponseDto {
    const s = d.snapshot();
    return { id: s.id, status: s.status, version: s.version };
  }
}
