// Telling the parties about an exchange's events: in-app and by mail, and the one line that
// describes an event in the reader's language (mails, notifications, timelines).
import type { LogEvent } from '../../../domain/exchanges/log';
import { formatMinutes } from '../../../domain/exchanges/minutes';
import {
	notifyWhom,
	SYSTEM,
	type Exchange,
	type Move,
	type SettlementKind,
	type TimelineEvent
} from '../../../domain/exchanges/workflow';
import { formatEuros } from '../../../format';
import * as m from '../../../paraglide/messages';
import { localizeUrl } from '../../../paraglide/runtime';
import type { Locale } from '../../../domain/locale';
import type { StoredEvent } from '../../repos/exchanges';
import { findUserById } from '../../repos/users';
import { letter, sendMail } from '../mail';
import type { ExchangeContext } from './context';
import type { Loaded } from './read-model';
import { logger } from '../../logger.js';

/** Tells the other side (both, after system and moderator moves) in-app and by mail. */
export async function announce(
	ctx: ExchangeContext,
	loaded: Loaded,
	event: StoredEvent,
	now: Date
): Promise<void> {
	if (event.move === 'settling') return;
	const e = loaded.record.exchange;
	const move = event.move;
	const recipients =
		move === 'settlementRefused'
			? [e.providerId, e.receiverId]
			: notifyWhom(timelineOf({ ...event, move }, e), e);
	const actor = event.by === SYSTEM ? null : await findUserById(event.by);
	const recorder = event.recordedBy ? await findUserById(event.recordedBy) : null;
	for (const recipientId of recipients) {
		try {
			await ctx.notifications.notify(
				recipientId,
				{
					quarterId: loaded.quarterId,
					kind: 'exchange',
					exchangeId: loaded.id,
					move: event.move,
					actorId: event.by,
					...(event.recordedBy ? { recordedBy: event.recordedBy } : {}),
					title: e.title,
					minutes: event.minutes ?? null
				},
				now
			);
			if (!ctx.mail) continue;
			const recipient = await findUserById(recipientId);
			if (!recipient) continue;
			const locale: Locale = recipient.locale;
			const what = describeExchangeEvent(
				{ ...event, settlement: event.proposal?.settlement ?? e.settlement },
				actor?.displayName ?? '—',
				locale
			);
			const origin = loaded.origin ?? process.env.ORIGIN ?? 'http://localhost:5173';
			const link = localizeUrl(new URL(`/exchanges/${loaded.id}`, origin), { locale }).href;
			const lines = [
				`${what}.`,
				...(recorder
					? [
							m.assisted_recorded_by(
								{ moderator: recorder.displayName, member: actor?.displayName ?? '—' },
								{ locale }
							)
						]
					: []),
				...(event.reason ? [m.mail_exchange_reason({ reason: event.reason }, { locale })] : []),
				m.mail_exchange_link({ link }, { locale })
			];
			await sendMail(
				{
					to: recipient.email,
					// The subject stays short; the body says how they mean to settle.
					subject: m.mail_exchange_subject(
						{
							title: e.title,
							event: describeExchangeEvent(
								// Short for a proposal; a euro exchange is never asked for "the hours".
								{ ...event, settlement: event.move === 'propose' ? undefined : e.settlement },
								actor?.displayName ?? '—',
								locale
							)
						},
						{ locale }
					),
					text: letter(locale, recipient.displayName, lines.join('\n\n'))
				},
				now
			);
		} catch (err) {
			// The move is stored; a notification that fails must not turn it into an error page.
			logger.error({ err }, `Notification about exchange ${loaded.id} to ${recipientId} failed`);
		}
	}
}

/** The event as `notifyWhom` reads it (who made which move). */
function timelineOf(event: LogEvent & { move: Move }, exchange: Exchange): TimelineEvent {
	return { at: event.at, by: event.by, move: event.move, fromState: null, toState: exchange.state };
}

/** One line about an event, in the reader's language: for mails, notifications and timelines. */
export function describeExchangeEvent(
	event: Pick<
		LogEvent,
		| 'move'
		| 'minutes'
		| 'afterDays'
		| 'ledgerSeq'
		| 'amountCents'
		| 'late'
		| 'refundStatus'
		| 'chargebackStatus'
	> & {
		/** For `propose`: how the two mean to settle, so the choice shows in the timeline. */
		settlement?: SettlementKind;
	},
	actorName: string,
	locale: Locale
): string {
	const name = actorName;
	const minutes = formatMinutes(event.minutes ?? 0, locale);
	const amount = formatEuros(event.amountCents ?? 0, locale);
	const booked = event.ledgerSeq !== undefined;
	switch (event.move) {
		case 'propose':
			switch (event.settlement) {
				case 'hours':
					return m.exchange_event_propose_hours({ name, minutes }, { locale });
				case 'euros':
					return m.exchange_event_propose_euros({ name, amount }, { locale });
				case 'free':
					return m.exchange_event_propose_free({ name }, { locale });
				default:
					return m.exchange_event_propose({ name }, { locale });
			}
		case 'accept':
			return m.exchange_event_accept({ name }, { locale });
		case 'decline':
			return m.exchange_event_decline({ name }, { locale });
		case 'cancel':
			return m.exchange_event_cancel({ name }, { locale });
		// Only an exchange in hours has hours to confirm; a euro or free one is confirmed as done.
		case 'markDone':
			return event.settlement === undefined || event.settlement === 'hours'
				? m.exchange_event_mark_done({ name }, { locale })
				: m.exchange_event_mark_done_paid({ name }, { locale });
		case 'confirm':
			return event.settlement === undefined || event.settlement === 'hours'
				? m.exchange_event_confirm({ name }, { locale })
				: m.exchange_event_confirm_done({ name }, { locale });
		case 'dispute':
			return m.exchange_event_dispute({ name }, { locale });
		case 'settle':
			return booked
				? m.exchange_event_settle({ minutes }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'autoSettle':
			return booked
				? m.exchange_event_auto_settle({ minutes, days: event.afterDays ?? 0 }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'moderatorSettle':
			return booked
				? m.exchange_event_moderator_settle({ minutes }, { locale })
				: m.exchange_event_settled_free({}, { locale });
		case 'moderatorCancel':
			return m.exchange_event_moderator_cancel({}, { locale });
		case 'settlementRefused':
			return m.exchange_event_settlement_refused({}, { locale });
		case 'cardPaid':
			return m.exchange_event_card_paid({ amount }, { locale });
		case 'cashPaid':
			// The second confirmation carries the amount: it settles the exchange.
			return event.amountCents !== undefined
				? m.exchange_event_cash_settled({ name, amount }, { locale })
				: m.exchange_event_cash_paid({ name }, { locale });
		case 'refund':
			if (event.refundStatus === 'failed')
				return m.exchange_event_refund_failed({ amount }, { locale });
			if (event.late) return m.exchange_event_refund_late({ amount }, { locale });
			return event.refundStatus === 'pending'
				? m.exchange_event_refund_pending({ amount }, { locale })
				: m.exchange_event_refund({ amount }, { locale });
		case 'refundStatus':
			return event.refundStatus === 'failed'
				? m.exchange_event_refund_status_failed({ amount }, { locale })
				: m.exchange_event_refund_status_succeeded({ amount }, { locale });
		case 'chargeback':
			switch (event.chargebackStatus) {
				case 'won':
					return m.exchange_event_chargeback_won({ amount }, { locale });
				case 'lost':
					return m.exchange_event_chargeback_lost({ amount }, { locale });
				default:
					return m.exchange_event_chargeback_open({ amount }, { locale });
			}
		case 'settling':
			return '';
	}
}
