import { ApiProperty } from '@nestjs/swagger';
import { PolicySaved } from './create-policy.command';

export class PolicySavedResponseDto implements PolicySaved {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version written' }) version!: number;
}
