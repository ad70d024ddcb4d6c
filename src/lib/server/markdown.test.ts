import { describe, expect, it } from 'vitest';
import {
	hasVisibleText,
	LINK_REL,
	markdownToPlainText,
	renderDocumentMarkdown,
	renderMarkdown
} from './markdown';

const REL = `rel="${LINK_REL}"`;

/** Everything that would make a browser run code or load something from elsewhere. */
function expectInert(html: string) {
	expect(html).not.toMatch(/<(?!\/?(p|br|strong|em|ul|ol|li|a|h3|h4)[\s>/])/i);
	expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
	expect(html).not.toMatch(/<[^>]*\s(style|src|srcset|target)\s*=/i);
	expect(html).not.toMatch(/href="(?!https?:\/\/|mailto:)/i);
}

describe('renderMarkdown', () => {
	it.each([
		['paragraphs', 'eins\n\nzwei', '<p>eins</p>\n<p>zwei</p>\n'],
		['a single newline is a line break', 'eins\nzwei', '<p>eins<br />\nzwei</p>\n'],
		[
			'bold and italic',
			'**fett** und *schräg*',
			'<p><strong>fett</strong> und <em>schräg</em></p>\n'
		],
		['nested emphasis', '***beides***', '<p><em><strong>beides</strong></em></p>\n'],
		[
			'emphasis inside emphasis',
			'**fett *und schräg* fett**',
			'<p><strong>fett <em>und schräg</em> fett</strong></p>\n'
		],
		['bullet list', '- a\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n'],
		[
			'numbered list keeps its start',
			'3. a\n4. b',
			'<ol start="3">\n<li>a</li>\n<li>b</li>\n</ol>\n'
		],
		['h1 becomes h3', '# Titel', '<h3>Titel</h3>\n'],
		['h2 and smaller become h4', '## Zwei\n###### Sechs', '<h4>Zwei</h4>\n<h4>Sechs</h4>\n'],
		[
			'link',
			'[Verein](https://verein.de/a?b=1)',
			`<p><a href="https://verein.de/a?b=1" ${REL}>Verein</a></p>\n`
		],
		[
			'mailto link',
			'[Mail](mailto:hallo@verein.de)',
			`<p><a href="mailto:hallo@verein.de" ${REL}>Mail</a></p>\n`
		],
		[
			'bare URL is linked',
			'siehe https://verein.de',
			`<p>siehe <a href="https://verein.de" ${REL}>https://verein.de</a></p>\n`
		],
		[
			'bare email is linked',
			'hallo@verein.de',
			`<p><a href="mailto:hallo@verein.de" ${REL}>hallo@verein.de</a></p>\n`
		],
		[
			'no fuzzy domain links in prose',
			'bis zum Ende.de und www.verein.de',
			'<p>bis zum Ende.de und www.verein.de</p>\n'
		],
		[
			'German umlauts and ß are kept',
			'Grüße aus Köln, Straße – „Äpfel“',
			'<p>Grüße aus Köln, Straße – „Äpfel“</p>\n'
		],
		[
			'entities are decoded, then escaped',
			'&lt;b&gt; &amp; &copy; &#x3C;i&#x3E;',
			'<p>&lt;b&gt; &amp; © &lt;i&gt;</p>\n'
		],
		['NUL is replaced', 'a\u0000b', '<p>a\uFFFDb</p>\n']
	])('%s', (_name, source, html) => {
		expect(renderMarkdown(source)).toBe(html);
		expectInert(renderMarkdown(source));
	});

	it.each([
		['script tag', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n'],
		['img onerror', '<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n'],
		['iframe', '<iframe src="https://evil.test"></iframe>', null],
		['style tag', '<style>body{display:none}</style>', null],
		['inline html with on* attribute', '<b onclick="alert(1)">x</b>', null],
		['html block', '<div>\n<script>alert(1)</script>\n</div>', null],
		['javascript: link', '[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>\n'],
		['JAVASCRIPT: link', '[x](JAVASCRIPT:alert(1))', '<p>[x](JAVASCRIPT:alert(1))</p>\n'],
		['javascript: with leading space', '[x]( javascript:alert(1))', null],
		['javascript: in angle brackets', '[x](<javascript:alert(1)>)', null],
		['javascript: behind entities', '[x](&#106;ava&#x73;cript:alert(1))', null],
		['javascript: with tab inside', '[x](java\tscript:alert(1))', null],
		['vbscript: link', '[x](vbscript:msgbox(1))', null],
		['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', null],
		['data: image link', '[x](data:image/png;base64,iVBORw0KGgo=)', null],
		['image', '![bild](https://evil.test/track.png)', null],
		['relative link', '[abmelden](/logout)', '<p>[abmelden](/logout)</p>\n'],
		['protocol-relative link', '[x](//evil.test)', null],
		['file: link', '[x](file:///etc/passwd)', null],
		['reference-style link', '[x][1]\n\n[1]: javascript:alert(1)', null],
		['autolink syntax', '<javascript:alert(1)>', null],
		['quote breaking out of href', '[x](https://a.de/"onmouseover="alert(1))', null],
		['bare URL with quotes', 'https://a.de/"onmouseover="alert(1)', null],
		['tables are not in the subset', '| a |\n|---|\n| <b>1</b> |', null],
		['code fences are not in the subset', '```html\n<script>alert(1)</script>\n```', null]
	])('makes %s harmless', (_name, source, html) => {
		const out = renderMarkdown(source);
		expectInert(out);
		expect(out).not.toMatch(/<(script|img|iframe|style|div|b|table|code|pre)\b/i);
		if (html !== null) expect(out).toBe(html);
	});

	it('sets rel and no target on every link', () => {
		const out = renderMarkdown('[a](https://a.de) https://b.de c@d.de [e](http://e.de "Titel")');
		const anchors = out.match(/<a [^>]*>/g) ?? [];
		expect(anchors).toHaveLength(4);
		for (const a of anchors) {
			expect(a).toContain(REL);
			expect(a).not.toContain('target');
			expect(a).not.toContain('title');
		}
	});

	it.each([
		['prose', 'Grüße aus der Straße. '],
		['stars', '*'],
		['underscores', '_'],
		['brackets', '['],
		['unfinished links', '[a]('],
		['unbalanced emphasis', 'a **b *c '],
		['angle brackets', '<'],
		['backslashes', '\\'],
		['entities', '&amp;'],
		['line breaks', 'x\n'],
		['list markers', '- '],
		['links', '[c](https://d.de) ']
	])('handles 20k characters of %s', (_name, unit) => {
		const source = unit.repeat(Math.ceil(20_000 / unit.length));
		const out = renderMarkdown(source);
		expectInert(out);
		expect(out.length).toBeGreaterThan(0);
		expect(markdownToPlainText(source).length).toBeLessThanOrEqual(source.length);
	});
});

describe('markdownToPlainText', () => {
	it.each([
		['markup is stripped', '# Titel\n\n**fett** und *schräg*', 'Titel fett und schräg'],
		['inline markup joins a word', '**Wo**rt', 'Wort'],
		['link text stays, address goes', '[Verein](https://verein.de)', 'Verein'],
		['list items are separate words', '- eins\n- zwei\n\n1. drei', 'eins zwei drei'],
		['whitespace collapses', '  a \n\n\n  b\t\tc  ', 'a b c'],
		['entities are decoded (plain text, not HTML)', '&lt;b&gt; &amp;', '<b> &'],
		['raw HTML stays as text', '<script>x</script>', '<script>x</script>'],
		['umlauts', 'Grüße, Straße', 'Grüße, Straße'],
		['empty', '', '']
	])('%s', (_name, source, text) => {
		expect(markdownToPlainText(source)).toBe(text);
	});
});

describe('hasVisibleText', () => {
	it.each([
		['word', 'Hallo', true],
		['bold word', '**Hallo**', true],
		['only spaces', '   \n\n ', false],
		['unmatched markers stay visible', '****', true],
		['a lone list marker', '*', false],
		['empty link text', '[](https://a.de)', false],
		['empty heading', '#', false],
		['empty list items', '-\n-', false]
	])('%s', (_name, source, visible) => {
		expect(hasVisibleText(source)).toBe(visible);
	});
});

describe('renderDocumentMarkdown (legal texts)', () => {
	it('keeps headings from h2, quotes, own-page links and web links', () => {
		const html = renderDocumentMarkdown(
			'# Impressum\n\n## Kontakt\n\n### Post\n\n> Vorlage\n\nSiehe [Datenschutz](/datenschutz) und [Web](https://verein.example).'
		);
		expect(html).toContain('<h2>Impressum</h2>');
		expect(html).toContain('<h2>Kontakt</h2>');
		expect(html).toContain('<h3>Post</h3>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain('<a href="/datenschutz">Datenschutz</a>');
		expect(html).toContain(`<a href="https://verein.example" ${REL}>Web</a>`);
	});

	it.each([
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'[x](javascript:alert(1))',
		'[x](//evil.example/)',
		'[x](/\\evil.example)',
		'<a href="https://x.example" onclick="y()">x</a>'
	])('%s stays inert', (source) => {
		const html = renderDocumentMarkdown(source);
		expect(html).not.toMatch(/<(script|img)/i);
		expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
		// Own pages (a path, never `//host` or `/\host`), web and mail addresses only.
		expect(html).not.toMatch(/<a\s[^>]*href="(?!\/[^/\\]|https?:\/\/|mailto:)/i);
	});
});
