import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class UpdateTemplateCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly templateId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsOptional() @IsString() @MaxLength(100) readonly title?: string;
  @IsOptional() @IsString() @MaxLength(2000) readonly body?: string;
}
