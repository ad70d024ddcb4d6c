// The readable page of the data download: every collection of the download as a section, each
// record as a list of its fields. One file with its styles inline and no script, image or font
// from elsewhere, so that it opens offline from the unpacked ZIP; headings, lists and a table of
// contents make it usable with a screen reader.
import type { Locale } from '../../../domain/locale';
import * as messages from '../../../paraglide/messages/_index.js';
import { PERSONAL_COLLECTIONS } from '../../privacy/registry';
import type { PersonalData } from './export';

type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;

function msg(key: string, locale: Locale, inputs: Record<string, unknown> = {}): string {
	const fn = (messages as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(inputs, { locale }) : key;
}

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

function formatValue(value: unknown, locale: Locale): string {
	if (value instanceof Date) {
		return value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC' }) + ' UTC';
	}
	if (value === null || value === undefined) return '—';
	if (typeof value === 'boolean') return locale === 'de' ? (value ? 'ja' : 'nein') : String(value);
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** A record's fields as `path → value`, nested objects flattened, lists of plain values joined. */
export function flatten(doc: Record<string, unknown>, prefix = ''): [string, unknown][] {
	const out: [string, unknown][] = [];
	for (const [key, value] of Object.entries(doc)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (value && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
			out.push(...flatten(value as Record<string, unknown>, path));
		} else if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
			out.push([path, value.join(', ')]);
		} else out.push([path, value]);
	}
	return out;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-top:1px solid #888;padding-top:1rem}
h3{font-size:1rem;margin:1rem 0 .25rem}ol.records{padding-left:1.25rem}dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.1rem 1rem;margin:0}
dt{font-family:ui-monospace,monospace;font-size:.9rem;color:#333;overflow-wrap:anywhere}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}a{color:#0b4f9c}`;

export function renderExportHtml(data: PersonalData, locale: Locale): string {
	const names = Object.keys(data.collections);
	const title = msg('privacy_export_title', locale);
	const toc = names
		.map(
			(name) =>
				`<li><a href="#${name}">${escapeHtml(msg(`privacy_export_section_${name}`, locale))}</a> (${escapeHtml(
					msg('privacy_export_count', locale, { count: data.collections[name]!.length })
				)})</li>`
		)
		.join('');
	const sections = names
		.map((name) => {
			const docs = data.collections[name]!;
			const heading = escapeHtml(msg(`privacy_export_section_${name}`, locale));
			const body =
				docs.length === 0
					? `<p>${escapeHtml(msg('privacy_export_empty', locale))}</p>`
					: `<ol class="records">${docs
							.map(
								(doc, i) =>
									`<li><h3>${escapeHtml(msg('privacy_export_record', locale, { n: i + 1 }))}</h3><dl>${flatten(
										doc
									)
										.map(
											([k, v]) =>
												`<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(formatValue(v, locale))}</dd>`
										)
										.join('')}</dl></li>`
							)
							.join('')}</ol>`;
			return `<section aria-labelledby="${name}"><h2 id="${name}">${heading}</h2>${body}</section>`;
		})
		.join('\n');
	const leftOut = PERSONAL_COLLECTIONS.filter((c) => !c.export.include)
		.map(
			(c) => `<li><code>${c.name}</code>: ${escapeHtml(c.export.include ? '' : c.export.why)}</li>`
		)
		.join('');
	return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(msg('privacy_export_intro', locale, { date: formatValue(data.createdAt, locale), email: data.person.email }))}</p>
<p>${escapeHtml(msg('privacy_export_ids', locale, { id: data.person.id }))}</p>
<nav aria-labelledby="toc"><h2 id="toc">${escapeHtml(msg('privacy_export_contents', locale))}</h2><ul>${toc}</ul></nav>
${sections}
<section aria-labelledby="left-out"><h2 id="left-out">${escapeHtml(msg('privacy_export_left_out', locale))}</h2>
<p>${escapeHtml(msg('privacy_export_left_out_intro', locale))}</p><ul lang="en">${leftOut}</ul></section>
</main></body></html>
`;
}
