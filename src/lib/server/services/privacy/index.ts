// Privacy duties of the GDPR: the data download (export.ts) and retention (retention.ts).
export { collectPersonalData, downloadPersonalData, zipPersonalData } from './export';
export type { DownloadResult, PersonalData } from './export';
export {
	purgeClosedConversations,
	purgeExpired,
	purgeOldNotifications,
	retentionPeriods,
	runRetention
} from './retention';
export type { RetentionRun } from './retention';
