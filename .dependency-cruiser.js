/** Architecture boundaries (shared ARCHITECTURE.md). `npm run lint` fails on any violation. */
module.exports = {
  forbidden: [
    {
      name: 'apps-do-not-import-apps',
      comment:
        'Services talk through events and HTTP; only standalone (and an app test, by root modules) composes them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/', pathNot: '^apps/standalone/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'app-tests-compose-only-root-modules',
      comment:
        "An app's integration tests may start other services beside it (a visit's tickets routed by dispatch), by their root modules only.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/test/' },
      to: { path: '^apps/([^/]+)/src/(?![^/]+\\.(module|env)\\.ts$)', pathNot: '^apps/$1/' },
    },
    {
      name: 'standalone-imports-only-root-modules',
      comment: 'standalone composes root modules (and their env classes); it reaches into nothing else.',
      severity: 'error',
      from: { path: '^apps/standalone/' },
      to: { path: '^apps/(?!standalone/)[^/]+/src/(?![^/]+\\.(module|env)\\.ts$)' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-no-infrastructure',
      comment: 'domain/ is plain TypeScript: no Nest, no TypeORM, no HTTP, no infrastructure folders.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: [
          '/infrastructure/',
          '/commands/',
          '/queries/',
          '/consumers/',
          '\\.controller\\.ts$',
          '\\.dto\\.ts$',
          'node_modules/(@nestjs|typeorm|pg|kafkajs|express)/',
        ],
      },
    },
    {
      name: 'edges-only-translate',
      comment:
        'Controllers and consumers build a command or query and send it on the bus (docs/adr/0013): no TypeORM, no repositories, no SQL.',
      severity: 'error',
      from: { path: '\\.(controller|consumer)\\.ts$' },
      to: { path: ['node_modules/typeorm/', '/infrastructure/'] },
    },
    {
      name: 'commands-are-plain-data',
      comment:
        'A command or query holds no EntityManager or other TypeORM object: the unit of work owns the transaction.',
      severity: 'error',
      from: { path: '\\.(command|query)\\.ts$' },
      to: { path: 'node_modules/typeorm/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|apps/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
