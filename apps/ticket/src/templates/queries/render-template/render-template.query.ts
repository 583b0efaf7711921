import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

/** A template with its placeholders filled in for one ticket. */
export class RenderTemplateQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly templateId!: string;
  @IsUUID('all') readonly ticketId!: string;
}
