import { AuthUser } from '@ticketing/auth';
import { TicketChannel, Urgencies, Urgency } from '@ticketing/contracts';
import { StaffChannels } from '../../domain/ticket.aggregate';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

/** What is submitted, as the idempotency key's fingerprint sees it (the user and key aside). */
export interface SubmissionRequest {
  enterpriseId?: string;
  title: string;
  description: string;
  category: string;
  urgency?: Urgency;
  location?: string;
  gridId?: string;
  contact: { name: string; phone: string };
  attachmentIds?: string[];
  channel?: TicketChannel;
}

/**
 * An enterprise blows the whistle, an instructor for an enterprise of their grid, or committee
 * staff log what an enterprise brought by phone, in person, in a group chat or by letter (受理渠道).
 */
export class SubmitTicketCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsString() @MaxLength(100) readonly enterpriseId?: string;
  @IsString() @MaxLength(100) readonly title!: string;
  @IsString() @MaxLength(4000) readonly description!: string;
  @IsString() @MaxLength(50) readonly category!: string;
  @IsOptional() @IsIn([...Urgencies]) readonly urgency?: Urgency;
  @IsOptional() @IsString() @MaxLength(200) readonly location?: string;
  @IsOptional() @IsString() @MaxLength(100) readonly gridId?: string;
  @IsDefined() readonly contact!: { name: string; phone: string };
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) readonly attachmentIds?: string[];
  /** Committee staff: how the enterprise brought it (required of them, refused of anyone else). */
  @IsOptional() @IsIn([...StaffChannels]) readonly channel?: (typeof StaffChannels)[number];
  /** The submitter saw the similar open tickets (a 409 possibleDuplicate) and files this one anyway. */
  @IsOptional() @IsBoolean() readonly confirmNotDuplicate?: boolean;
  /** Same key + same user = same ticket. */
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,200}$/) readonly idempotencyKey!: string | null;

  /**
   * The submission without who and how: two requests are the same request when these are equal
   * (a confirmation after a possible-duplicate answer is the same request).
   */
  request(): SubmissionRequest {
    const { enterpriseId, title, description, category, urgency, location, gridId, contact, attachmentIds } =
      this;
    return {
      enterpriseId,
      title,
      description,
      category,
      urgency,
      location,
      gridId,
      contact,
      attachmentIds,
      channel: this.channel,
    };
  }
}
