import type { Locale } from '$lib/domain/locale';
import { formatMinutes } from '$lib/domain/exchanges/minutes';
import { SYSTEM } from '$lib/domain/exchanges/workflow';
import * as m from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guards';
import { describeExchangeEvent, listExchangesOf } from '$lib/server/services/exchanges';
import { eventNewsText, upcomingForUser } from '$lib/server/services/calendar/views';
import { cases } from '$lib/server/services/cases';
import { displayNames } from '$lib/server/services/members';
import { listNotifications, markNotificationsRead } from '$lib/server/services/notifications';
import { label as noticeLabel } from '$lib/server/services/notices/mails';
import { findQuarter } from '$lib/server/services/quarters';
import type { PageServerLoad } from './$types';

/** Newest first; more unread ones than this are marked read unseen, which is rare enough. */
const NEWS_SHOWN = 20;
const SETTLING_MOVES = ['settle', 'autoSettle', 'moderatorSettle'];

type ExchangeEventMove = Parameters<typeof describeExchangeEvent>[0]['move'];

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const locale = event.locals.locale;
	const upcomingEvents = upcomingForUser(user.id, new Date());
	const [list, news, myCases] = await Promise.all([
		listExchangesOf(user.id),
		listNotifications(user.id, NEWS_SHOWN),
		cases.listOfParty(user.id)
	]);
	// Shown now, so read now: the badge in the menu clears with this page (see the return).
	// One arriving between the two calls is marked read too and shows up in the list next time.
	if (news.some((n) => n.unread)) await markNotificationsRead(user.id);

	const settlementOf = new Map(list.map((e) => [e.id, e.settlement]));
	const proposedOf = new Map(list.map((e) => [e.id, e.minutes]));
	const actorIds = [
		...new Set(
			news
				.flatMap((n) => [n.actorId, ...(n.recordedBy ? [n.recordedBy] : [])])
				.filter((id) => id !== SYSTEM)
		)
	];
	const nameOf = await displayNames(actorIds);
	// The auto-settle delay is not in the notification; the quarter's setting tells it.
	const autoSettleQuarters = [
		...new Set(news.filter((n) => n.move === 'autoSettle').map((n) => n.quarterId))
	];
	const quarters = await Promise.all(autoSettleQuarters.map((id) => findQuarter(id)));
	const afterDaysOf = new Map(
		autoSettleQuarters.map((id, i) => [id, quarters[i]?.settings.autoSettleAfterDays])
	);

	/** One sentence about a notification, in the reader's language. */
	const describe = (n: (typeof news)[number]): string => {
		const name = nameOf.get(n.actorId) ?? '—';
		if (n.kind === 'event') return eventNewsText(n.move, n.title, locale);
		if (n.kind === 'tax') return m.yearly_news_threshold({ year: n.title }, { locale });
		if (n.kind === 'case') {
			return m.case_news({ title: n.title, what: caseNews(n.move, locale) }, { locale });
		}
		if (n.kind === 'notice') {
			// `decision:remove`, `complaint:keep`: what happened, and what applies now.
			const [what, decision] = n.move.split(':');
			return m.notice_news(
				{
					title: n.title || m.notice_what_account({}, { locale }),
					what:
						what === 'complaint'
							? m.notice_news_complaint({}, { locale })
							: m.notice_news_decision({}, { locale }),
					decision: noticeLabel(`notice_decision_${decision ?? 'keep'}`, locale)
				},
				{ locale }
			);
		}
		if (n.kind === 'start-credit') {
			return m.exchange_news_start_credit(
				{ quarter: n.title, minutes: formatMinutes(n.minutes ?? 0, locale) },
				{ locale }
			);
		}
		const id = n.exchangeId ?? '';
		const proposed = proposedOf.get(id);
		// Confirming other hours than proposed is a dispute, not a confirmation.
		if (
			n.move === 'confirm' &&
			n.minutes !== null &&
			proposed !== undefined &&
			n.minutes !== proposed
		) {
			return m.exchange_event_confirm_other(
				{
					name,
					minutes: formatMinutes(n.minutes, locale),
					proposed: formatMinutes(proposed, locale)
				},
				{ locale }
			);
		}
		// Hours were booked when a settling move settled an exchange in hours with more than
		// nothing (as on the exchange's own page).
		const booked =
			SETTLING_MOVES.includes(n.move) && settlementOf.get(id) === 'hours' && (n.minutes ?? 0) > 0;
		return describeExchangeEvent(
			{
				move: n.move as ExchangeEventMove,
				minutes: n.minutes ?? undefined,
				afterDays: afterDaysOf.get(n.quarterId),
				ledgerSeq: booked ? 0 : undefined,
				// "Please confirm the hours" only where there are hours.
				settlement: n.move === 'propose' ? undefined : settlementOf.get(id)
			},
			name,
			locale
		);
	};

	return {
		unreadNotifications: 0,
		news: news.map((n) => ({
			n: n.n,
			unread: n.unread,
			at: n.at.toISOString(),
			kind: n.kind,
			exchangeId: n.kind === 'case' ? null : n.exchangeId,
			caseId: n.caseId ?? null,
			eventId: n.eventId ?? null,
			quarterId: n.quarterId,
			title: n.title,
			text: n.recordedBy
				? `${describe(n)} (${m.assisted_recorded_by(
						{ moderator: nameOf.get(n.recordedBy) ?? '—', member: nameOf.get(n.actorId) ?? '—' },
						{ locale }
					)})`
				: describe(n)
		})),
		upcomingEvents: await upcomingEvents,
		cases: myCases.map((c) => ({
			id: c.id,
			title: c.title,
			state: c.state,
			lastAt: c.lastAt.toISOString()
		})),
		exchanges: list
			.map((e) => {
				const otherId = e.providerId === user.id ? e.receiverId : e.providerId;
				return {
					id: e.id,
					title: e.title,
					state: e.state,
					minutes: e.minutes,
					settlement: e.settlement,
					otherName: e.names[otherId] ?? '—',
					waitingForMe: e.waitingForMe,
					lastAt: e.lastAt.toISOString()
				};
			})
			.sort((a, b) => b.lastAt.localeCompare(a.lastAt))
	};
};

/** What happened in a case, for the news line ("… has a new message"). */
function caseNews(move: string, locale: Locale): string {
	switch (move) {
		case 'opened':
			return m.case_news_opened({}, { locale });
		case 'proposal':
			return m.case_news_proposal({}, { locale });
		case 'outcome':
			return m.case_news_outcome({}, { locale });
		case 'closed':
			return m.case_news_closed({}, { locale });
		default:
			return m.case_news_message({}, { locale });
	}
}
