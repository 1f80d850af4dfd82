export * from './appendix';
export * from './document-meta';
export * from './generators';
export * from './narrative';
export * from './one-stop';
export * from './text';
