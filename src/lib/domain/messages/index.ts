export * from './conversation';
export * from './notifications';
export * from './text';
