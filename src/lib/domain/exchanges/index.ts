export * from './minutes';
export * from './workflow';
