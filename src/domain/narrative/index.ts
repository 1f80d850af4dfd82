export * from './appendix';
export * from './document-meta';
export * from './document-model';
export * from './generators';
export * from './narrative';
export * from './one-stop';
export * from './outline';
export * from './text';
