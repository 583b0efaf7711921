import { Command } from '@ticketing/platform';
import { IsObject } from 'class-validator';
import { DirectoryEvent } from '../../domain/directory-event';

/** A department, enterprise or user as identity announced it (the payload already checked against its class). */
export class RecordDirectoryEntryCommand extends Command {
  @IsObject() readonly event!: DirectoryEvent;
}
