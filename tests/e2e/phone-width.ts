import { expect, type Page } from '@playwright/test';

/** The narrowest phone we design for (older and small Android phones, iPhone SE/mini: 360–375). */
export const PHONE_WIDTH = 360;

/**
 * The page as it is now must not scroll sideways on a 360 px wide phone. Called by
 * expectAccessible, so it runs on every page the suite visits, for every role. The viewport is
 * restored afterwards, so a test goes on at its own size.
 *
 * A failure names the elements that stick out (the outermost ones whose parent does not), so
 * that the message points at the culprit instead of at "the page".
 */
export async function expectNoSideScroll(page: Page): Promise<void> {
	const before = page.viewportSize();
	if (!before) return;
	await page.setViewportSize({ width: PHONE_WIDTH, height: before.height });
	try {
		// Let the page react to the new size (media queries, matchMedia listeners) for one frame.
		await page.evaluate(
			() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
		);
		const result = await page.evaluate(() => {
			const root = document.documentElement;
			const limit = root.clientWidth;
			const describe = (el: Element) => {
				const id = el.id ? `#${el.id}` : '';
				const classes = [...el.classList].map((c) => `.${c}`).join('');
				const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
				const width = Math.round(el.getBoundingClientRect().width);
				return `<${el.tagName.toLowerCase()}${id}${classes}> ${width} px wide: "${text}"`;
			};
			// Content inside a box that clips or scrolls (a table region) does not widen the page.
			const clipped = (el: Element) => {
				for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
					if (a === document.body) return false;
					if (getComputedStyle(a).overflowX !== 'visible') return true;
				}
				return false;
			};
			const sticksOut = (el: Element) => el.getBoundingClientRect().right > limit + 0.5;
			const offenders: string[] = [];
			if (root.scrollWidth > limit) {
				for (const el of document.body.querySelectorAll('*')) {
					if (!sticksOut(el) || clipped(el)) continue;
					if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement))
						continue;
					offenders.push(describe(el));
					if (offenders.length === 5) break;
				}
			}
			return { scrollWidth: root.scrollWidth, clientWidth: limit, offenders };
		});
		expect(
			result.scrollWidth,
			`${page.url()} scrolls sideways at ${PHONE_WIDTH} px (${result.scrollWidth} px wide); ` +
				`sticking out: ${result.offenders.join('; ') || 'unknown'}`
		).toBeLessThanOrEqual(result.clientWidth);
	} finally {
		await page.setViewportSize(before);
	}
}
