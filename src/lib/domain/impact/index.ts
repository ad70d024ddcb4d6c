export * from './impact';
export * from './months';
