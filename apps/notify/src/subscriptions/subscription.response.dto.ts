import { ApiProperty } from '@nestjs/swagger';
import { maskUrl } from './domain/subscription';
import { StoredSubscription } from './infrastructure/subscription.repository';

/** A subscription as shown to admins: robot keys masked, secrets never returned. */
export class SubscriptionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['wecom', 'dingtalk', 'webhook', 'email'] }) channel!: string;
  @ApiProperty({ type: [String], description: 'event types' }) events!: string[];
  @ApiProperty({ type: [String] }) departmentIds!: string[];
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [String] }) gridIds!: string[];
  @ApiProperty({ type: [String] }) urgencies!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'with key/access_token masked' }) url!:
    string | null;
  @ApiProperty() hasSecret!: boolean;
  @ApiProperty({ nullable: true, type: String }) msgtype!: string | null;
  @ApiProperty({ type: [String] }) mentionMobiles!: string[];
  @ApiProperty() mentionAll!: boolean;
  @ApiProperty({ type: [String] }) recipients!: string[];
  @ApiProperty({ enum: ['zh', 'en'] }) language!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'send it back as expectedVersion when replacing' }) version!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(s: StoredSubscription): SubscriptionResponseDto {
    const { secret, url, ...rest } = s;
    return { ...rest, url: maskUrl(url), hasSecret: !!secret };
  }
}
