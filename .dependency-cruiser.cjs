/** Dependencies point down: domain ← store ← services ← adapters (http, cli, import, web). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ runs in Node and in the browser: no I/O, no framework, no upper layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/(yaml|zod)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(services|http|cli|web|import)/' },
    },
    {
      name: 'import-readers-use-domain-only',
      severity: 'error',
      from: { path: '^src/import/' },
      to: { path: '^src/(store|services|http|cli|web)/' },
    },
    {
      name: 'export-writers-use-domain-only',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: '^src/(store|services|http|cli|web)/' },
    },
    {
      name: 'services-below-adapters',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(http|cli|web)/' },
    },
    {
      name: 'http-not-cli-or-web',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(cli|web)/' },
    },
    {
      name: 'web-uses-domain-only',
      comment: 'The browser bundle may share pure domain code and HTTP schema types, nothing with I/O.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(store|services|cli|import)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|data|node_modules)/' },
  },
};
