/** `npm run bench`: every benchmark in turn. Scale the dossier one with BENCH_DOSSIERS. */
export {};
await import('./units');
await import('./rollup'); // a few seconds; alone: npx tsx bench/rollup.ts
await import('./dossiers');
await import('./import-reads'); // reads while 100,000 dossiers are imported; alone: npx tsx bench/import-reads.ts
