import { ApiProperty } from '@nestjs/swagger';
import { RegistrationState, RegistrationStatus, RegistrationStatuses } from './domain/registration.aggregate';

/** An application as the reviewers (and, after submitting, the applicant) see it: never the password. */
export class RegistrationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '六枝特区绿源茶业有限公司' }) enterpriseName!: string;
  @ApiProperty({ example: '91110000600037341L', description: '统一社会信用代码' }) creditCode!: string;
  @ApiProperty({ example: '杨秀英' }) contactName!: string;
  @ApiProperty({ example: '15185890633' }) phone!: string;
  @ApiProperty({ example: 'lvyuan-tea' }) username!: string;
  @ApiProperty({ enum: RegistrationStatuses }) status!: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String, description: 'why it was rejected' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the enterprise approval created',
  })
  enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the user approval created' })
  userId!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() version!: number;

  /** The aggregate's state, or the reader's row. */
  static from(r: RegistrationState): RegistrationResponseDto {
    return {
      id: r.id,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      contactName: r.contactName,
      phone: r.phone,
      username: r.username,
      status: r.status,
      reason: r.reason,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      enterpriseId: r.enterpriseId,
      userId: r.userId,
      submittedAt: r.submittedAt.toISOString(),
      version: r.version,
    };
  }
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationResponseDto] }) items!: RegistrationResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
