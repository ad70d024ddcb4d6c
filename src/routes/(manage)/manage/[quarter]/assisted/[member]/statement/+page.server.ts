import { error } from '@sveltejs/kit';
import { isFinalState } from '$lib/domain/exchanges/workflow';
import { memberAccount } from '$lib/domain/ledger/ledger';
import { recordedMarks } from '$lib/domain/members/assisted';
import * as m from '$lib/paraglide/messages';
import { readPeriod } from '$lib/schemas/time-account';
import { requireRole } from '$lib/server/auth/guards';
import { assistedOverview } from '$lib/server/services/assisted';
import { exchanges } from '$lib/server/services/exchanges';
import { displayNames } from '$lib/server/services/members';
import { statementData, timeAccounts } from '$lib/server/services/time-accounts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const memberId = event.params.member;
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(memberId)) error(404, m.error_not_found());
	const overview = await assistedOverview(quarter, memberId);
	// Only for members with a consent on record (also after a withdrawal: a last printout).
	if (!overview?.member.assisted) error(404, m.error_not_found());
	const locale = event.locals.locale;
	const query = readPeriod(event.url.searchParams, quarter.settings.timeZone);
	const view = await timeAccounts.view(quarter, memberAccount(memberId), query.period, locale);
	const open = overview.exchanges.filter((x) => !isFinalState(x.state));
	const actsOf = await exchanges.recordedActs(
		quarter.id,
		open.map((x) => x.id)
	);
	const acts = open.map((x) => actsOf.get(x.id) ?? []);
	const names = Object.fromEntries(
		await displayNames([user.id, ...acts.flat().flatMap((a) => [a.by, a.recordedBy])])
	);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		member: { id: memberId, name: overview.name },
		printedBy: names[user.id] ?? '—',
		printedAt: new Date().toISOString(),
		period: query.values,
		periodErrors: query.errors,
		balance: view.balance,
		statement: query.period ? statementData(view) : null,
		open: open.map((x, i) => {
			const otherId = x.providerId === memberId ? x.receiverId : x.providerId;
			return {
				id: x.id,
				title: x.title,
				state: x.state,
				minutes: x.minutes,
				date: x.date?.toISOString() ?? null,
				side: x.mySide,
				otherName: x.names[otherId] ?? '—',
				recorded: recordedMarks(acts[i] ?? [], names)
					.map((mark) =>
						m.assisted_recorded_by(
							{ moderator: mark.moderatorName, member: mark.memberName },
							{ locale }
						)
					)
					.join('; ')
			};
		})
	};
};
