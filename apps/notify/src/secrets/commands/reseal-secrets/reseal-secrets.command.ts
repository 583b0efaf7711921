import { Command } from '@ticketing/platform';

/** After a key rotation: reseal what older keys sealed, so they can be retired. */
export class ResealSecretsCommand extends Command {}
