import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { OutgoingRequest } from '../domain/robot-requests';
import { forbiddenHostName, ForbiddenKind, forbiddenKind, refused } from '../domain/receiver-address';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** How host names become addresses: the system resolver, or a fixed table in tests. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A receiver address the settings refuse: the request is never made. */
export class ReceiverRefusedError extends Error {
  readonly code = 'ERECEIVERREFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: ForbiddenKind,
  ) {
    super(
      `refused to connect to ${host}${host === address ? '' : ` (${address})`}: a ${kind} address; NOTIFY_ALLOW_PRIVATE_RECEIVERS is off`,
    );
  }
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** The refused address among a host's, if any: the host's name, an IP literal, then every resolved address. */
export function refusedAmong(
  hostname: string,
  addresses: string[],
  allowPrivate: boolean,
): ReceiverRefusedError | null {
  const named = forbiddenHostName(hostname);
  if (refused(named, allowPrivate)) return new ReceiverRefusedError(hostname, hostname, named);
  for (const address of addresses) {
    const kind = forbiddenKind(address);
    if (refused(kind, allowPrivate)) return new ReceiverRefusedError(hostname, address, kind);
  }
  return null;
}

/**
 * The lookup a request connects through: it resolves the name, refuses it when any address it
 * resolves to is refused, and hands the socket the addresses it checked, so the connection goes
 * to a checked address (a name that resolves to a public address when the subscription is saved
 * and to an internal one when a message is sent, DNS rebinding, is refused at send time).
 */
export function guardedLookup(resolve: Resolve, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const blocked = refusedAmong(
          hostname,
          found.map((a) => a.address),
          allowPrivate,
        );
        if (blocked) return callback(blocked, '', 0);
        const family = typeof options.family === 'number' ? options.family : 0;
        const usable = family ? found.filter((a) => a.family === family) : found;
        if (!usable.length) {
          const e: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          e.code = 'ENOTFOUND';
          return callback(e, '', 0);
        }
        // Node asks for every address when it tries them in turn (autoSelectFamily), one otherwise.
        if (options.all) return (callback as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (e: NodeJS.ErrnoException) => callback(e, '', 0),
    );
  };
}

export interface GuardedPostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  resolve?: Resolve;
  /** The most of an answer kept; the rest is read and dropped. */
  maxAnswerBytes?: number;
}

/**
 * POSTs one request to a receiver whose address the settings allow, without following
 * redirects, cut off after `timeoutMs` (headers and body alike). An IP literal is checked as it
 * is; a name through guardedLookup.
 */
export async function postGuarded(
  req: OutgoingRequest,
  opts: GuardedPostOptions,
): Promise<{ status: number; text: string }> {
  const url = new URL(req.url);
  const host = bare(url.hostname);
  if (isIP(host)) {
    const blocked = refusedAmong(host, [host], opts.allowPrivate);
    if (blocked) throw blocked;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const limit = opts.maxAnswerBytes ?? 64 * 1024;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  return new Promise((resolvePromise, reject) => {
    // Cut off by the timeout: the timeout is the reason, whatever the socket reports.
    const fail = (e: unknown) => reject(signal.aborted ? signal.reason : e);
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body) },
        lookup: guardedLookup(opts.resolve ?? systemResolve, opts.allowPrivate),
        // A connection of its own: a pooled socket would skip the lookup, and so the check.
        agent: false,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          if (kept < limit) chunks.push(c.subarray(0, limit - kept));
          kept += c.length;
        });
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(new Error('the answer was cut off'));
        });
      },
    );
    request.on('error', fail);
    request.end(req.body);
  });
}

/** Problems with a receiver URL's address when a subscription is saved; a name that does not resolve now is left to the check at send time. */
export async function receiverAddressProblems(
  rawUrl: string,
  allowPrivate: boolean,
  resolve: Resolve = systemResolve,
  timeoutMs = 3000,
): Promise<ReceiverRefusedError | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null; // the URL's shape is the definition's to judge
  }
  const host = bare(url.hostname);
  if (isIP(host)) return refusedAmong(host, [host], allowPrivate);
  const named = refusedAmong(host, [], allowPrivate);
  if (named) return named;
  let timer: NodeJS.Timeout | undefined;
  const found = await Promise.race([
    resolve(host).catch(() => [] as ResolvedAddress[]),
    new Promise<ResolvedAddress[]>((r) => (timer = setTimeout(() => r([]), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
  return refusedAmong(
    host,
    found.map((a) => a.address),
    allowPrivate,
  );
}
