// "Over the limit" said so that a person can act on it: whose time account, where it would end
// and by how much it would pass which limit (a form's `errors.form` key with its `formInputs`).
import { formatMinutes } from '../domain/exchanges/minutes';
import { userIdOf } from '../domain/ledger/accounts';
import type { TransferProblem } from '../domain/ledger/ledger';
import type { Locale } from '../domain/locale';
import * as m from '../paraglide/messages';
import { displayNameOf } from './services/members';

export async function overLimitMessage(
	problem: TransferProblem | undefined,
	locale: Locale
): Promise<{ key: string; inputs: Record<string, string> }> {
	if (!problem || (problem.code !== 'below_minimum' && problem.code !== 'above_maximum')) {
		return { key: 'exchange_page_error_over_limit', inputs: {} };
	}
	const userId = userIdOf(problem.account);
	const name = userId
		? ((await displayNameOf(userId)) ?? '—')
		: m.account_community({}, { locale });
	const hours = (minutes: number) => formatMinutes(minutes, locale);
	return {
		key:
			problem.code === 'below_minimum'
				? 'exchange_error_below_minimum'
				: 'exchange_error_above_maximum',
		inputs: {
			name,
			after: hours(problem.balanceAfter),
			limit: hours(problem.limit),
			by: hours(Math.abs(problem.balanceAfter - problem.limit))
		}
	};
}
