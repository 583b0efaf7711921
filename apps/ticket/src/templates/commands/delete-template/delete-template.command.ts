import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

export class DeleteTemplateCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly templateId!: string;
}
