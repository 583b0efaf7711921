import { Actor } from '@ticketing/contracts';
import { TransferDecisionInput } from '../../domain/transfer-request';

export class DecideTransferCommand {
  constructor(
    readonly transferRequestId: string,
    readonly input: TransferDecisionInput,
    readonly actor: Actor,
  ) {}
}
