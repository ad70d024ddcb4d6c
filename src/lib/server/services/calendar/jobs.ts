// The calendar's job (services/maintenance.ts): reminder mails for tomorrow's events.
import { listQuarters } from '../../repos/quarters';
import { calendar } from './index';

export async function runEventReminders(now: Date): Promise<{ reminded: number }> {
	return calendar.runReminders(now, await listQuarters());
}
