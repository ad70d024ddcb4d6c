// The quarters of an installation and their settings, as the pages read and the quarter
// management changes them.
import type { QuarterSettings } from '../../domain/quarters/settings';
import {
	findQuarter as findQuarterById,
	listQuarters as listAllQuarters,
	updateQuarterSettings,
	type Quarter
} from '../repos/quarters';

export type { Quarter };

export function listQuarters(): Promise<Quarter[]> {
	return listAllQuarters();
}

export function findQuarter(id: string): Promise<Quarter | null> {
	return findQuarterById(id);
}

/** Stores settings the caller has already checked against the domain rules (time bank, fee). */
export function saveQuarterSettings(quarterId: string, settings: QuarterSettings): Promise<void> {
	return updateQuarterSettings(quarterId, settings);
}
