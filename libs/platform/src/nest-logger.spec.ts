import { Writable } from 'node:stream';
import pino from 'pino';
import { writesPretty } from '@ticketing/observability';
import { PinoNestLogger } from './nest-logger';

/** A pino logger at info writing into an array, one parsed line per entry. */
function capture() {
  const lines: { level: number; msg: string; context?: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, nest: new PinoNestLogger(pino({ level: 'info' }, stream)) };
}

describe('logs a newcomer can read', () => {
  it('writes Nest’s route mapping and module loading at debug, so they stay out of an info log', () => {
    const { lines, nest } = capture();
    nest.log('Mapped {/api/v1/tickets, GET} route', 'RouterExplorer');
    nest.log('TicketController {/api/v1/tickets}:', 'RoutesResolver');
    nest.log('TicketModule dependencies initialized', 'InstanceLoader');
    nest.log('Nest application successfully started', 'NestApplication');
    nest.log('outbox relay started', 'OutboxRelay');
    expect(lines.map((l) => [l.context, l.msg])).toEqual([['OutboxRelay', 'outbox relay started']]);
  });

  it('is readable on a terminal and JSON otherwise, unless LOG_PRETTY says', () => {
    expect(writesPretty(undefined, true)).toBe(true);
    expect(writesPretty(undefined, false)).toBe(false);
    expect(writesPretty(undefined, undefined)).toBe(false);
    expect(writesPretty(false, true)).toBe(false);
    expect(writesPretty(true, false)).toBe(true);
  });
});
