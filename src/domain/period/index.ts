export * from './errors';
export * from './period';
export * from './cutoff';
