// What the case pages share: the message key for a service's problem, and the timeline as the
// pages show it (names resolved, outcomes described in the reader's language).
import { formatMinutes } from '../domain/exchanges/minutes';
import type { Outcome } from '../domain/cases/case';
import { formatEuros } from '../format';
import * as m from '../paraglide/messages';
import type { CaseView } from './services/cases';

import type { Locale } from '../domain/locale';

/** The message key for a problem of the case service (or of the service it called). */
export function caseProblemKey(problem: string): string {
	if (problem.startsWith('exchange_')) return `exchange_page_error_${problem.slice(9)}`;
	if (problem.startsWith('reversal_')) return `account_error_reversal_${problem.slice(9)}`;
	if (problem.startsWith('member_')) return `error_member_${problem.slice(7)}`;
	return `case_error_${problem}`;
}

export function describeOutcome(
	outcome: Outcome,
	names: Record<string, string>,
	locale: Locale
): string {
	const name = (id: string) => names[id] ?? '—';
	switch (outcome.kind) {
		case 'settleHours':
			return m.case_outcome_settle_hours(
				{ minutes: formatMinutes(outcome.minutes, locale) },
				{ locale }
			);
		case 'refundEuros':
			return m.case_outcome_refund_euros(
				{ amount: formatEuros(outcome.cents, locale) },
				{ locale }
			);
		case 'reverseTransfer':
			return m.case_outcome_reverse_transfer(
				{
					minutes: formatMinutes(outcome.minutes, locale),
					seq: outcome.original,
					reversal: outcome.ledgerSeq
				},
				{ locale }
			);
		case 'warn':
			return m.case_outcome_warn({ name: name(outcome.memberId) }, { locale });
		case 'suspend':
			return m.case_outcome_suspend({ name: name(outcome.memberId) }, { locale });
	}
}

/** The timeline for a page: plain data, newest last. */
export function timelineOf(view: CaseView, locale: Locale) {
	return view.events.map((e) => ({
		n: e.n,
		kind: e.kind,
		shared: e.kind !== 'note',
		byName: view.names[e.by] ?? '—',
		at: e.at.toISOString(),
		text: e.text,
		answer: e.answer ?? null,
		proposal: e.proposal ?? null,
		outcome: e.outcome ? describeOutcome(e.outcome, view.names, locale) : null
	}));
}

export function proposalsOf(view: CaseView) {
	return view.fold.proposals.map((p) => ({
		n: p.n,
		text: p.text,
		at: p.at.toISOString(),
		answers: view.facts.partyIds.map((id) => ({
			name: view.names[id] ?? '—',
			answer: p.answers[id] ?? null
		}))
	}));
}
