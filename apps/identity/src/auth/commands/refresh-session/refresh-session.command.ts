import { Command } from '@ticketing/platform';
import { IsString, Length } from 'class-validator';

export class RefreshSessionCommand extends Command {
  @IsString() @Length(20, 200) readonly refreshToken!: string;
}
