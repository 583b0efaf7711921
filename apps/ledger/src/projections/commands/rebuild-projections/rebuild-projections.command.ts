import { Command } from '@ticketing/platform';

/** Throw every read model away and replay the chain into it. */
export class RebuildProjectionsCommand extends Command {}
