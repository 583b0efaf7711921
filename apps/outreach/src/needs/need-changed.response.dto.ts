import { ApiProperty } from '@nestjs/swagger';
import { NeedStatuses } from '@ticketing/contracts';
import { Need } from './domain/need.aggregate';

/** What adding or changing a need answers: enough to show it and change it again. */
export class NeedChangedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NeedStatuses }) status!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;

  static of(n: Need): NeedChangedResponseDto {
    const s = n.snapshot();
    return { id: s.id, status: s.status, version: s.version };
  }
}
