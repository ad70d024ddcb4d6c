// Exchanges (Tausch): proposing, the moves of both parties and the quarter management, settling
// hours exactly once through the ledger, the auto-settle job, card payments, thank-you notes,
// start credits and the notifications about all of it. One file per concern:
//
//   read-model.ts     the exchange logs and lists, two logs of server/logs: fold, follow, append
//   context.ts        what one service works with: its read model, ledger book and notifications
//   propose.ts        a new exchange, from a listing or directly to a member
//   moves.ts          the parties' moves and the quarter management's end of a dispute
//   settlement.ts     booking the hours exactly once, and the auto-settle job
//   card-payments.ts  euro exchanges paid by card, and refunds
//   checkout.ts       the Checkout Session of an exchange: one open at a time, expired when moot
//   stripe-reports.ts refunds and card disputes as Stripe reports them, into the timeline
//   views.ts          one exchange, the lists and the disputes, as people see them
//   thanks.ts         thank-you notes
//   start-credit.ts   the welcome from the community account
//   announce.ts       in-app notices and mails about events, and the line describing an event
//
// Each use-case is a plain function of an `ExchangeContext`. `createExchangeService` binds them
// to one context: the app has one (`exchanges`, whose functions are exported below); tests make
// several, with their own ledger books, to stand in for several app servers on one database.
import * as cards from './card-payments';
import * as checkout from './checkout';
import * as reports from './stripe-reports';
import { createExchangeContext, type ExchangeDeps } from './context';
import * as moves from './moves';
import * as proposing from './propose';
import * as settlement from './settlement';
import * as startCredit from './start-credit';
import * as thanks from './thanks';
import * as views from './views';
import { binder } from '../bind';

export { problemStatus, type ExchangeProblem } from '../../../domain/exchanges/problems';
export type { PendingSettlement } from '../../../domain/exchanges/log';
export { describeExchangeEvent } from './announce';
export type { ExchangeDeps } from './context';
export type { CardProblem, PaymentOffer } from './card-payments';
export type { ExchangeResult } from './moves';
export type { ProposeInput } from './propose';
export { ledgerLimits } from './settlement';
export type { StartCreditResult } from './start-credit';
export type { ThanksView } from './thanks';
export type { DisputeSummary, ExchangeSummary, ExchangeView } from './views';

/** One app server's exchanges: every use-case bound to one read model and ledger book. */
export function createExchangeService(deps: ExchangeDeps = {}) {
	const ctx = createExchangeContext(deps);
	const bound = binder(ctx);
	return {
		holder: ctx.holder,
		propose: bound(proposing.proposeExchange),
		move: bound(moves.makeMove),
		moderatorSettle: bound(moves.moderatorSettle),
		moderatorCancel: bound(moves.moderatorCancel),
		runAutoSettle: bound(settlement.runAutoSettle),
		get: bound(views.getExchange),
		recordedActs: bound(views.recordedActs),
		listOf: bound(views.listOf),
		listDisputed: bound(views.listDisputed),
		countDisputed: bound(views.countDisputed),
		recordsOfQuarter: bound(views.recordsOfQuarter),
		paymentOffer: bound(cards.paymentOffer),
		startCardPayment: bound(checkout.startCardPayment),
		cardPaymentState: bound(checkout.cardPaymentState),
		reconcileRefunds: bound(reports.reconcileRefunds),
		recordChargeback: bound(reports.recordChargeback),
		recordCardPayment: bound(cards.recordCardPayment),
		moderatorRefund: bound(cards.moderatorRefund),
		leaveThanks: bound(thanks.leaveThanks),
		thanksFor: bound(thanks.thanksFor),
		hasThanked: thanks.hasThanked,
		grantStartCredit: bound(startCredit.grantStartCredit)
	};
}

export type ExchangeService = ReturnType<typeof createExchangeService>;

/** This app server's exchanges. */
export const exchanges = createExchangeService();

export const {
	propose: proposeExchange,
	move: moveExchange,
	moderatorSettle: moderatorSettleExchange,
	moderatorCancel: moderatorCancelExchange,
	get: getExchange,
	listOf: listExchangesOf,
	paymentOffer,
	startCardPayment,
	cardPaymentState,
	recordCardPayment,
	reconcileRefunds,
	recordChargeback,
	moderatorRefund: moderatorRefundExchange,
	listDisputed,
	countDisputed,
	runAutoSettle,
	leaveThanks,
	thanksFor: listThanksFor,
	grantStartCredit
} = exchanges;
