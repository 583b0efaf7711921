import { AuthUser } from '@ticketing/auth';

export class DownloadAttachmentQuery {
  constructor(
    readonly user: AuthUser,
    readonly attachmentId: string,
  ) {}
}
