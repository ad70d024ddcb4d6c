// Listing descriptions are typed as a small Markdown subset and rendered here, on the server, so
// the browser only ever receives HTML that passed two independent filters: markdown-it with raw
// HTML off and a short list of rules, then sanitize-html with an allowlist. A bug or future
// option change in one of them is not enough to let markup through.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/** User-written links must not pass on page rank (spam) or the opener (tabnabbing). */
export const LINK_REL = 'nofollow noopener ugc';

// 'zero' enables nothing but paragraphs, so a rule newer markdown-it versions add to the default
// preset (tables, images, ...) never shows up here unannounced.
const md = new MarkdownIt('zero', {
	html: false,
	linkify: true,
	// People type descriptions in a textarea: a single Enter is meant as a line break.
	breaks: true,
	typographer: false
});
md.enable(['heading', 'lheading', 'list', 'emphasis', 'link', 'linkify', 'newline', 'escape']);
md.enable('entity');
// Only addresses with a scheme, and bare email addresses, become links: in German prose a
// fuzzy "Ende.de" or a version-like "1.2.3.4" is more often a typo than an address.
md.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: true });

function isAllowedUrl(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url.trim());
	} catch {
		return false;
	}
	if (!LINK_PROTOCOLS.includes(parsed.protocol)) return false;
	return parsed.protocol === 'mailto:' ? parsed.pathname.length > 0 : parsed.hostname.length > 0;
}

// Relative links would resolve against our own site and could point at actions, so only
// absolute web and mail addresses become links; anything else stays visible as text.
md.validateLink = isAllowedUrl;

// The listing page already uses h1 and h2; headings in a description are subordinate.
md.core.ruler.after('block', 'demote_headings', (state) => {
	for (const token of state.tokens) {
		if (token.type === 'heading_open' || token.type === 'heading_close') {
			token.tag = token.tag === 'h1' ? 'h3' : 'h4';
		}
	}
});

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
	const token = tokens[idx]!;
	token.attrSet('rel', LINK_REL);
	return self.renderToken(tokens, idx, options);
};

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4'],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
	allowedSchemes: LINK_PROTOCOLS.map((p) => p.slice(0, -1)),
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	allowedStyles: {},
	parseStyleAttributes: false,
	// Escaping rather than dropping keeps a surprise visible in the page instead of silently
	// losing text; markdown-it should never emit another tag in the first place.
	disallowedTagsMode: 'escape',
	transformTags: {
		a: (tagName, attribs) => ({
			tagName,
			attribs: {
				...(attribs.href && isAllowedUrl(attribs.href) ? { href: attribs.href } : {}),
				rel: LINK_REL
			}
		})
	}
};

/** Safe HTML for a listing description (paragraphs, breaks, bold, italic, lists, links, h3/h4). */
export function renderMarkdown(source: string): string {
	return sanitizeHtml(md.render(source), SANITIZE);
}

// Legal texts (Impressum, privacy notice, rules) are longer documents under the page's own h1:
// their headings keep their structure one level down (# → h2, ## → h2, ### → h3), and links may
// point at the app's own pages (/impressum) besides web and mail addresses. Written by the
// platform administrator or the quarter management, but sanitised like anything else.
const documentMd = new MarkdownIt('zero', { html: false, linkify: true, breaks: false });
documentMd.enable([
	'heading',
	'lheading',
	'list',
	'emphasis',
	'link',
	'linkify',
	'newline',
	'escape',
	'blockquote',
	'backticks',
	'entity'
]);
documentMd.linkify.set({ fuzzyLink: false, fuzzyIP: false, fuzzyEmail: true });

function isAllowedDocumentUrl(url: string): boolean {
	return /^\/(?!\/)[A-Za-z0-9\-._~/?#=&%]*$/.test(url.trim()) || isAllowedUrl(url);
}
documentMd.validateLink = isAllowedDocumentUrl;
documentMd.core.ruler.after('block', 'document_headings', (state) => {
	for (const token of state.tokens) {
		if (token.type === 'heading_open' || token.type === 'heading_close') {
			token.tag =
				token.tag === 'h1' || token.tag === 'h2' ? 'h2' : token.tag === 'h3' ? 'h3' : 'h4';
		}
	}
});

const SANITIZE_DOCUMENT: sanitizeHtml.IOptions = {
	...SANITIZE,
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		'ul',
		'ol',
		'li',
		'a',
		'h2',
		'h3',
		'h4',
		'blockquote',
		'code'
	],
	// Own pages are relative links; sanitize-html keeps relative hrefs and checks schemes of others.
	transformTags: {
		a: (tagName, attribs) => ({
			tagName,
			attribs: {
				...(attribs.href && isAllowedDocumentUrl(attribs.href) ? { href: attribs.href } : {}),
				...(attribs.href && attribs.href.startsWith('/') ? {} : { rel: LINK_REL })
			}
		})
	}
};

/** Safe HTML for a legal text or house rules (headings from h2, lists, quotes, links). */
export function renderDocumentMarkdown(source: string): string {
	return sanitizeHtml(documentMd.render(source), SANITIZE_DOCUMENT);
}

function collectText(tokens: Token[], out: string[]): void {
	for (const token of tokens) {
		if (token.children) collectText(token.children, out);
		else if (token.type === 'text' || token.type === 'text_special') out.push(token.content);
		// Inline markup (`**Wo**rt`) joins its text; breaks and block boundaries separate words.
		else if (token.block || token.type === 'softbreak' || token.type === 'hardbreak') {
			out.push(' ');
		}
	}
}

/**
 * The words of a description without markup, for search indexing and previews. The result is
 * plain text, not HTML: `&lt;b&gt;` in the source comes back as `<b>` and must be escaped when
 * shown (Svelte does).
 */
export function markdownToPlainText(source: string): string {
	const out: string[] = [];
	collectText(md.parse(source, {}), out);
	return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Whether a description shows any words once rendered; `****` or `[](https://x.de)` do not.
 * Pure and synchronous, for a zod `.refine` in a server-side schema.
 */
export function hasVisibleText(source: string): boolean {
	return markdownToPlainText(source).length > 0;
}
