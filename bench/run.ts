/** `npm run bench`: every benchmark in turn. Scale the dossier one with BENCH_DOSSIERS. */
await import('./units');
await import('./dossiers');
