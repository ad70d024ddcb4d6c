// Stripe's hosted pages, reduced to what a test needs: onboarding (finishes the account at once,
// or sends a stale link to refresh_url) and Checkout (the amount, pay, go back).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeOnboarding } from './accounts';
import { paySession } from './checkout';
import { escapeHtml, now, redirect, send, type Obj } from './http';
import type { FakeState } from './state';

/** Answers a hosted page's request; false when the path is not one. */
export async function hostedPage(
	s: FakeState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<boolean> {
	const onboarding = /^\/connect\/onboarding\/([A-Za-z0-9]+)$/.exec(url.pathname);
	if (onboarding && req.method === 'GET') {
		const link = s.links.get(onboarding[1]!);
		if (!link) {
			send(res, 404, 'text/plain', 'Unknown link');
			return true;
		}
		// Account links are single use and short-lived: Stripe sends a stale one to refresh_url.
		if (link.used || link.expiresAt < now() || url.searchParams.get('action') === 'leave') {
			link.used = true;
			redirect(res, 302, link.refresh);
			return true;
		}
		link.used = true;
		await completeOnboarding(s, link.account);
		redirect(res, 302, link.ret);
		return true;
	}
	const pay = /^\/checkout\/pay\/([A-Za-z0-9_]+)$/.exec(url.pathname);
	if (!pay) return false;
	const session = s.sessions.get(pay[1]!);
	if (!session) {
		send(res, 404, 'text/plain', 'Unknown session');
		return true;
	}
	if (req.method === 'POST' && session.status === 'open') {
		await paySession(s, session.id as string);
		redirect(
			res,
			303,
			String(session.success_url).replace('{CHECKOUT_SESSION_ID}', session.id as string)
		);
		return true;
	}
	send(res, 200, 'text/html; charset=utf-8', checkoutPage(session));
	return true;
}

function checkoutPage(session: Obj): string {
	const de = session.locale !== 'en';
	const items = new Intl.NumberFormat(de ? 'de-DE' : 'en-GB', {
		style: 'currency',
		currency: 'EUR'
	}).format((session.amount_total as number) / 100);
	const state =
		session.status === 'expired'
			? de
				? 'Diese Zahlungsseite ist abgelaufen.'
				: 'This payment page has expired.'
			: session.status !== 'open'
				? de
					? 'Bereits bezahlt.'
					: 'Already paid.'
				: null;
	return `<!doctype html>
<html lang="${de ? 'de' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${de ? 'Bezahlen' : 'Pay'} · Stripe (Test)</title></head>
<body><main>
<h1>${de ? 'Bezahlen' : 'Pay'} ${escapeHtml(items)}</h1>
<p>${de ? 'Testseite des lokalen Stripe-Ersatzes.' : 'Test page of the local Stripe stand-in.'}</p>
${state ? `<p>${state}</p>` : `<form method="post"><button type="submit">${de ? 'Jetzt bezahlen' : 'Pay now'}</button></form>`}
${session.cancel_url ? `<p><a href="${escapeHtml(String(session.cancel_url))}">${de ? 'Zurück' : 'Back'}</a></p>` : ''}
</main></body></html>`;
}
