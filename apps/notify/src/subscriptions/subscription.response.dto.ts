import { ApiProperty } from '@nestjs/swagger';
import { SmsTemplatesDto } from './commands/create-subscription/create-subscription.request.dto';
import { CHANNELS, maskUrl } from './domain/subscription-definition';
import { Subscription } from './domain/subscription.aggregate';

/** A subscription as shown to admins: robot keys masked, secrets never returned. */
export class SubscriptionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ type: [String], description: 'event types' }) events!: string[];
  @ApiProperty({ type: [String] }) departmentIds!: string[];
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) gridIds!: string[];
  @ApiProperty({ type: [String] }) urgencies!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'with key/access_token masked' }) url!:
    string | null;
  @ApiProperty({ description: 'a secret is stored (it is never returned)' }) hasSecret!: boolean;
  @ApiProperty({ nullable: true, type: String }) msgtype!: string | null;
  @ApiProperty({ type: [String] }) mentionMobiles!: string[];
  @ApiProperty() mentionAll!: boolean;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'sms: the AccessKey ID (not a secret)' })
  smsAccessKeyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) smsSignName!: string | null;
  @ApiProperty({ nullable: true, type: SmsTemplatesDto }) smsTemplates!: SmsTemplatesDto | null;
  @ApiProperty({ enum: ['zh', 'en'] }) language!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'send it back as expectedVersion when replacing' }) version!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(sub: Subscription): SubscriptionResponseDto {
    const s = sub.snapshot();
    return {
      id: s.id,
      name: s.name,
      channel: s.channel,
      events: s.events,
      departmentIds: s.departmentIds,
      categories: s.categories,
      gridIds: s.gridIds,
      urgencies: s.urgencies,
      url: maskUrl(s.url),
      hasSecret: !!s.secret,
      msgtype: s.msgtype,
      mentionMobiles: s.mentionMobiles,
      mentionAll: s.mentionAll,
      recipients: s.recipients,
      smsAccessKeyId: s.sms?.accessKeyId ?? null,
      smsSignName: s.sms?.signName ?? null,
      smsTemplates: s.sms ? { ...s.sms.templates } : null,
      language: s.language,
      enabled: s.enabled,
      version: s.version,
      createdBy: s.createdBy,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}
