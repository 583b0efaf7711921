import { ApiProperty } from '@nestjs/swagger';
import { SmsPreference } from './domain/sms-preference.aggregate';

export class SmsPreferenceResponseDto {
  @ApiProperty({ description: "SMS about the enterprise's tickets go to its contact's phone" })
  enabled!: boolean;

  @ApiProperty({ description: '0 while never set (SMS are on); send it back as expectedVersion' })
  version!: number;

  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;

  static of(p: SmsPreference): SmsPreferenceResponseDto {
    const s = p.snapshot();
    return { enabled: s.enabled, version: s.version, updatedAt: s.updatedAt?.toISOString() ?? null };
  }
}
