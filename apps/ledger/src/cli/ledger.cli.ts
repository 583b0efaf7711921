/**
 * npm run ledger:verify | ledger:rebuild — the same checks as the HTTP API, from a shell, on the
 * database the service uses (DATABASE_URL, or the embedded one under DATA_DIR). Exit code 1 when
 * the chain is broken, so that cron or CI can alarm on it.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ConfigError, loadConfig } from '@ticketing/config';
import { openServiceDataSource, resolveDatabase, TransactionContext } from '@ticketing/database';
import { VerifiedReport } from '../chain/infrastructure/chain.reader';
import { VerifyChainQuery } from '../chain/queries/verify-chain/verify-chain.query';
import { LedgerEnv } from '../ledger.env';
import { ledgerMigrations } from '../migrations';
import { RebuildProjectionsCommand } from '../projections/commands/rebuild-projections/rebuild-projections.command';
import { RebuildReport } from '../projections/commands/rebuild-projections/rebuild-projections.handler';
import { LedgerCliModule } from './ledger-cli.module';

const USAGE = 'usage: ledger.cli.js verify | rebuild';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'verify' && command !== 'rebuild') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(LedgerEnv);
  const db = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  const ds = await openServiceDataSource({
    url: db.url,
    schema: 'ledger',
    entities: [],
    migrations: ledgerMigrations,
    poolSize: 2,
    applicationName: 'ledger-cli',
  });
  const app = await NestFactory.createApplicationContext(LedgerCliModule.on(new TransactionContext(ds)), {
    logger: false,
  });
  try {
    if (command === 'rebuild') {
      const report = await app
        .get(CommandBus)
        .execute<RebuildProjectionsCommand, RebuildReport>(RebuildProjectionsCommand.create({}));
      process.stdout.write(
        `ledger projections rebuilt from ${report.entries} entries: ${report.tickets} tickets, ${report.statsRows} rollup rows, ${report.tookMs} ms\n`,
      );
      return 0;
    }
    const report = await app
      .get(QueryBus)
      .execute<VerifyChainQuery, VerifiedReport>(VerifyChainQuery.create({}));
    if (report.ok) {
      process.stdout.write(
        `ledger OK: ${report.checkedEntries} entries, ${report.checkedSeals} seal checks, head ${report.headSeq} ${report.headHash}\n`,
      );
      return 0;
    }
    const b = report.firstBroken!;
    process.stdout.write(
      `ledger BROKEN at entry ${b.seq}: ${b.problem}${b.sealNo ? ` (seal ${b.sealNo})` : ''}\n  ${b.detail}\n  (${report.checkedEntries} entries verified before it)\n`,
    );
    return 1;
  } finally {
    await app.close();
    await ds.destroy();
    // A server this command started is stopped; one the running service owns is left alone.
    if (db.embedded && !db.embedded.adopted) await db.embedded.stop();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      e instanceof ConfigError
        ? `Configuration error:\n  - ${e.problems.join('\n  - ')}\n`
        : `ledger: ${(e as Error)?.stack ?? String(e)}\n`,
    );
    process.exit(2);
  },
);
