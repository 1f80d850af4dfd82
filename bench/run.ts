/** `npm run bench`: every benchmark in turn. Scale the dossier one with BENCH_DOSSIERS. */
export {};
await import('./units');
await import('./dossiers');
