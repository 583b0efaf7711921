/** Architecture boundaries (shared ARCHITECTURE.md). `npm run lint` fails on any violation. */
module.exports = {
  forbidden: [
    {
      name: 'apps-do-not-import-apps',
      comment: 'Services talk through events and HTTP; only standalone composes their root modules.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/standalone/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
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
        path: ['/infrastructure/', '/commands/', '/queries/', '/consumers/', '\\.controller\\.ts$', '\\.dto\\.ts$', 'node_modules/(@nestjs|typeorm|pg|kafkajs|express)/'],
      },
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
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
