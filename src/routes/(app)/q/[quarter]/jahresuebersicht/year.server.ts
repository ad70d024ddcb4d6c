// The Jahresübersicht's year from `?jahr=`: the current year on the quarter's clock when absent.
import { error, type RequestEvent } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { yearSchema } from '$lib/schemas/letters';
import { requireRole } from '$lib/server/auth/guards';
import { currentYear, yearlyStatement } from '$lib/server/services/yearly-statement';

// The quarter management and admins pass too: they are members of the quarter as well.
const MEMBERS = ['resident', 'business'] as const;

export async function loadYearly(event: RequestEvent<{ quarter: string }>) {
	const { quarter, user } = await requireRole(event, event.params.quarter, MEMBERS);
	const now = new Date();
	const raw = event.url.searchParams.get('jahr');
	const parsed = raw === null ? null : yearSchema.safeParse(raw);
	if (parsed && !parsed.success) error(400, t('yearly_error_year'));
	const year = parsed?.data ?? currentYear(quarter, now);
	if (year > currentYear(quarter, now)) error(400, t('yearly_error_year'));
	const statement = await yearlyStatement(quarter, user.id, year, now);
	if (!statement) error(403, t('letter_error_not_member'));
	return { quarter, statement, year };
}
