export * from './impact';
export * from './months';
export * from './participation';
