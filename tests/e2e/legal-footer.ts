// Every page links to the legal texts in its footer (issue 13: Impressum, privacy notice, rules,
// and the transparency report), in the page's language. Called from expectAccessible, so every
// page the suite checks is checked for it too.
import { expect, type Page } from '@playwright/test';

const LINKS: Array<[name: RegExp, path: string]> = [
	[/^Impressum$/, '/impressum'],
	[/^(Datenschutz|Privacy)$/, '/datenschutz'],
	[/^(Regeln|Rules)$/, '/regeln'],
	[/^(Transparenzbericht|Transparency report)$/, '/transparenz']
];

export async function expectLegalFooter(page: Page): Promise<void> {
	// Pages built without the app's layout (marked data-standalone: the offline page the service
	// worker shows, the refusal of a form from another site) have no footer by design.
	if (await page.locator('html[data-standalone]').count()) return;
	const legal = page
		.getByRole('contentinfo')
		.getByRole('navigation', { name: /^(Rechtliches|Legal)$/ });
	const english = new URL(page.url()).pathname.startsWith('/en/');
	for (const [name, path] of LINKS) {
		await expect(
			legal.getByRole('link', { name }),
			`footer link ${path} on ${page.url()}`
		).toHaveAttribute('href', english ? `/en${path}` : path);
	}
}
