/**
 * The HTTP API as the browser suites use it: only to set up what a test is not about and to check
 * what the screen cannot show. One login per user, kept for the suite.
 */
import { eventually } from '@ticketing/testing';
import { DEMO_PASSWORD } from './harness';

export interface TicketView {
  id: string;
  number: string;
  status: string;
  version: number;
  leadDepartment: { id: string } | null;
  parts: { department: { id: string }; role: string }[];
  pendingExtension: { proposedDueAt: string } | null;
  deadlines: { resolve: string | null };
  timeline: { action: string; reason: string | null }[];
}

export class ApiAs {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await fetch(`${this.baseUrl}/api/v1/identity/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  /** GET as `username`, with the status for the caller to check. */
  async fetch(username: string, path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await this.token(username)}` },
    });
  }

  async get<T>(username: string, path: string): Promise<T> {
    const res = await this.fetch(username, path);
    if (res.status !== 200) throw new Error(`GET ${path} as ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  ticket(username: string, id: string): Promise<TicketView> {
    return this.get<TicketView>(username, `/api/v1/tickets/${id}`);
  }

  /** A ticket the enterprise blew the whistle on, once dispatch has assigned it. */
  async submitted(title: string, category: string, description: string): Promise<TicketView> {
    const res = await fetch(`${this.baseUrl}/api/v1/tickets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.token('enterprise')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        title,
        category,
        description,
        contact: { name: '王建国', phone: '13885810231' },
      }),
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    return this.settled(id, (t) => t.status === 'assigned');
  }

  /** Waits until the ticket (seen by the committee) is as `ready` says; dispatch and SLA answer through events. */
  async settled(id: string, ready: (t: TicketView) => boolean): Promise<TicketView> {
    const t = await eventually(
      async () => {
        const now = await this.ticket('committee', id);
        return ready(now) ? now : null;
      },
      60_000,
      250,
    );
    if (!t)
      throw new Error(`ticket ${id} never got there: ${JSON.stringify(await this.ticket('committee', id))}`);
    return t;
  }
}
