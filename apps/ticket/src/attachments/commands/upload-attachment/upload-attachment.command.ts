import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class UploadAttachmentCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  /** The file's bytes (the size limit is the HTTP layer's: TICKET_ATTACHMENT_MAX_BYTES). */
  @IsDefined() readonly bytes!: Buffer;
  @IsOptional() @IsString() @MaxLength(1000) readonly originalName?: string;
}
