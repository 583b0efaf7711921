#!/usr/bin/env node
// `npm run check:shape`: does every service write a use case in the one shape (docs/adr/0013)?
// Counts, per service: HTTP controllers that go through the bus, handlers registered on the bus,
// use-case folders without a handler, command handlers without a spec, files outside
// infrastructure/ (and migrations/) that run SQL or ORM calls, commands that hold an
// EntityManager, and `as unknown as` casts. Prints the table; exits 1 when a service falls short.
// `--json` prints the figures as JSON instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NOT_SERVICES = new Set(['web', 'standalone']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const isSpec = (f) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(f);
const ORM_OR_SQL =
  /from 'typeorm'|@InjectDataSource|@InjectRepository|\.query(<[^>]*>)?\(|createQueryBuilder|getRepository\(|\bmanager\.(find|findOne|findOneBy|findBy|save|insert|update|delete|upsert|count|exists|increment)\b|\b(dataSource|ds|manager)\.transaction\(/;

function measure(service) {
  const src = join(root, 'apps', service, 'src');
  const files = walk(src).filter((f) => f.endsWith('.ts'));
  const code = files.filter((f) => !isSpec(f));
  const read = (f) => readFileSync(f, 'utf8');
  const rel = (f) => relative(join(root, 'apps', service), f);

  const controllers = code.filter((f) => /\.controller\.ts$/.test(f));
  const viaBus = controllers.filter((f) => {
    const s = read(f);
    return /\b(CommandBus|QueryBus)\b/.test(s) && !ORM_OR_SQL.test(s);
  });

  const handlers = code.filter((f) => f.endsWith('.handler.ts'));
  const registered = handlers.filter((f) => /@(CommandHandler|QueryHandler)\(/.test(read(f)));
  const commandHandlers = handlers.filter((f) => /@CommandHandler\(/.test(read(f)));
  const withSpec = commandHandlers.filter((f) => files.includes(f.replace(/\.ts$/, '.spec.ts')));

  const useCaseDirs = [
    ...new Set(code.filter((f) => /\/(commands|queries)\/[^/]+\/[^/]+$/.test(f)).map((f) => dirname(f))),
  ];
  const withoutHandler = useCaseDirs.filter((d) => !readdirSync(d).some((n) => n.endsWith('.handler.ts')));

  const sqlOutside = code.filter(
    (f) => !/\/(infrastructure|migrations)\//.test(f) && ORM_OR_SQL.test(read(f)),
  );
  const managerInCommands = code.filter(
    (f) => /\.(command|query)\.ts$/.test(f) && /\bEntityManager\b|from 'typeorm'/.test(read(f)),
  );
  const casts = code.reduce((n, f) => n + (read(f).match(/as unknown as/g)?.length ?? 0), 0);

  return {
    service,
    controllers: { total: controllers.length, viaBus: viaBus.length },
    handlers: { total: handlers.length, registered: registered.length },
    commandHandlers: { total: commandHandlers.length, withSpec: withSpec.length },
    useCaseDirs: { total: useCaseDirs.length, withoutHandler: withoutHandler.length },
    sqlOutsideInfrastructure: sqlOutside.length,
    commandsHoldingEntityManager: managerInCommands.length,
    asUnknownAs: casts,
    offenders: {
      controllersNotViaBus: controllers.filter((f) => !viaBus.includes(f)).map(rel),
      handlersNotRegistered: handlers.filter((f) => !registered.includes(f)).map(rel),
      commandHandlersWithoutSpec: commandHandlers.filter((f) => !withSpec.includes(f)).map(rel),
      useCaseDirsWithoutHandler: withoutHandler.map(rel),
      sqlOutsideInfrastructure: sqlOutside.map(rel),
      commandsHoldingEntityManager: managerInCommands.map(rel),
    },
  };
}

const services = readdirSync(join(root, 'apps')).filter(
  (s) => !NOT_SERVICES.has(s) && statSync(join(root, 'apps', s, 'src')).isDirectory(),
);
const results = services.map(measure);

const short = (r) =>
  r.controllers.viaBus < r.controllers.total ||
  r.handlers.registered < r.handlers.total ||
  r.commandHandlers.withSpec < r.commandHandlers.total ||
  r.useCaseDirs.withoutHandler > 0 ||
  r.sqlOutsideInfrastructure > 0 ||
  r.commandsHoldingEntityManager > 0 ||
  r.asUnknownAs > 0;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const rows = results.map((r) => [
    r.service,
    `${r.controllers.viaBus}/${r.controllers.total}`,
    `${r.handlers.registered}/${r.handlers.total}`,
    `${r.commandHandlers.withSpec}/${r.commandHandlers.total}`,
    `${r.useCaseDirs.withoutHandler}/${r.useCaseDirs.total}`,
    String(r.sqlOutsideInfrastructure),
    String(r.commandsHoldingEntityManager),
    String(r.asUnknownAs),
    short(r) ? 'short' : 'ok',
  ]);
  const head = [
    'service',
    'controllers via bus',
    'handlers on bus',
    'command handlers with spec',
    'use-case folders without handler',
    'ORM/SQL outside infrastructure',
    'commands with EntityManager',
    'as unknown as',
    '',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
  for (const r of results.filter(short)) {
    for (const [what, list] of Object.entries(r.offenders)) {
      if (list.length) console.log(`\n${r.service} · ${what}:\n  ${list.join('\n  ')}`);
    }
  }
}
process.exit(results.some(short) ? 1 : 0);
