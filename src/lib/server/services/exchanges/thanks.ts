// Thank-you notes: one per party and settled exchange, shown on the recipient's profile.
import { normalizeThanksText, thanksId, thanksProblem } from '../../../domain/exchanges/thanks';
import { sideOf } from '../../../domain/exchanges/workflow';
import { findThanks, insertThanks, type Thanks } from '../../repos/exchanges';
import type { ExchangeContext } from './context';
import { loadExchange, readList, type Loaded } from './read-model';
import { namesOf } from './views';

export interface ThanksView {
	exchangeId: string;
	exchangeTitle: string;
	authorId: string;
	authorName: string;
	text: string;
	at: Date;
}

export async function leaveThanks(
	ctx: ExchangeContext,
	authorId: string,
	exchangeId: string,
	text: string,
	now = new Date()
): Promise<
	| { ok: true }
	| { ok: false; problem: 'not_found' | 'not_settled' | 'empty' | 'too_long' | 'already' }
> {
	const loaded = await loadExchange(ctx.model, exchangeId);
	if (!loaded) return { ok: false, problem: 'not_found' };
	const e = loaded.record.exchange;
	const problem = thanksProblem(e, authorId, text);
	if (problem === 'not_a_party') return { ok: false, problem: 'not_found' };
	if (problem) return { ok: false, problem };
	const recipientId = authorId === e.providerId ? e.receiverId : e.providerId;
	const stored = await insertThanks({
		id: thanksId(exchangeId, authorId),
		quarterId: loaded.quarterId,
		exchangeId,
		authorId,
		recipientId,
		text: normalizeThanksText(text),
		at: now
	});
	if (stored === 'taken') return { ok: false, problem: 'already' };
	return { ok: true };
}

/** The notes a member received in a quarter, newest first (for their profile). */
export async function thanksFor(
	ctx: ExchangeContext,
	quarterId: string,
	userId: string
): Promise<ThanksView[]> {
	const ids = await readList(ctx.model, userId);
	const settled = (await Promise.all(ids.map((id) => loadExchange(ctx.model, id)))).filter(
		(l): l is Loaded =>
			l !== null &&
			l.quarterId === quarterId &&
			l.record.exchange.state === 'settled' &&
			sideOf(l.record.exchange, userId) !== null
	);
	const notes = await Promise.all(
		settled.map(async (l) => {
			const e = l.record.exchange;
			const authorId = userId === e.providerId ? e.receiverId : e.providerId;
			const thanks = await findThanks(thanksId(l.id, authorId));
			return thanks ? { thanks, title: e.title } : null;
		})
	);
	const found = notes.filter((n): n is { thanks: Thanks; title: string } => n !== null);
	const names = await namesOf(found.map((n) => n.thanks.authorId));
	return found
		.map(({ thanks, title }) => ({
			exchangeId: thanks.exchangeId,
			exchangeTitle: title,
			authorId: thanks.authorId,
			authorName: names[thanks.authorId]!,
			text: thanks.text,
			at: thanks.at
		}))
		.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Whether the author has thanked for this exchange (to hide the form). */
export async function hasThanked(exchangeId: string, authorId: string): Promise<boolean> {
	return (await findThanks(thanksId(exchangeId, authorId))) !== null;
}
