export * from './csv';
export * from './ledger';
