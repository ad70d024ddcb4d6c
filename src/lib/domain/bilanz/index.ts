export * from './bilanz';
