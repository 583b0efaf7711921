import { Inject, Injectable, Optional } from '@nestjs/common';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { addressProblem } from '../domain/receiver-address';
import { ReceiverAddresses } from '../domain/receiver-addresses';
import { RECEIVER_RESOLVE } from './channel.sender';
import { receiverAddressProblems, Resolve, systemResolve } from './guarded-http';

/** Judges a receiver by its name and every address the name resolves to now. */
@Injectable()
export class DnsReceiverAddresses extends ReceiverAddresses {
  private readonly resolve: Resolve;

  constructor(
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
    @Optional() @Inject(RECEIVER_RESOLVE) resolve?: Resolve,
  ) {
    super();
    this.resolve = resolve ?? systemResolve;
  }

  async problem(url: string): Promise<string | null> {
    const refused = await receiverAddressProblems(url, this.settings.allowPrivateReceivers, this.resolve);
    return refused ? addressProblem(refused.address, refused.kind) : null;
  }
}
