// Backup and restore of the whole database (docs/operations.md): one gzip'd, versioned,
// checksummed file of canonical Extended JSON.
export { createBackup, defaultBackupPath, type BackupResult } from './create';
export { checkBackup, restoreBackup, type RestoreOutcome, type RestoreResult } from './restore';
export { BACKUP_VERSION, BadBackupError, CONSISTENCY_NOTE } from './format';
export { openBackupDatabase, type BackupDatabase } from '../../repos/backup';
