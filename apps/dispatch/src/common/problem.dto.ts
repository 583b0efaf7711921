import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'decision.leadDepartmentId' })
  field!: string;

  @ApiProperty({ type: [String] })
  messages!: string[];
}

/** RFC 9457 problem+json, as the platform's filter writes it. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:chuishao:problem:validation' })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'conflicts: the current state that made the request fail' })
  state?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
