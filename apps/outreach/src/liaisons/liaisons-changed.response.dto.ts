import { ApiProperty } from '@nestjs/swagger';

/** What setting liaisons answers: the version to send next time, and whether anything changed. */
export class LiaisonsChangedResponseDto {
  @ApiProperty() enterpriseId!: string;
  @ApiProperty({ description: 'pass as expectedVersion next time' }) version!: number;
  @ApiProperty({ description: 'false when the values were already these (nothing recorded)' })
  changed!: boolean;
}
