import { AuthUser } from '@ticketing/auth';

export class UploadAttachmentCommand {
  constructor(
    readonly user: AuthUser,
    readonly bytes: Buffer,
    readonly originalName: string | undefined,
  ) {}
}
