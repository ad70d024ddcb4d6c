// Which activities need care before they are offered (issue 16 items 1 and 2), found from a
// listing's own words. Pure: no database, no settings. Patterns are German word stems matched
// on lower-case text, so compounds ("Kinderbetreuung", "Gastherme") are found too. A match is a
// reason for a person to look, never a verdict: sensitive words send an offer to
// pre-moderation, licensed ones show a notice (and are refused where the quarter says so).

/** Work that needs a licence or a registered professional in Germany (docs/trust-and-tax.md). */
export const LICENCE_KINDS = [
	'mains_electrical',
	'gas',
	'chimney',
	'heilkunde',
	'tax_advice',
	'master_trade'
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

interface Pattern {
	/** The stem shown to the moderator as the reason. */
	stem: string;
	re: RegExp;
}

// Care of children, of pupils, of people in need of care (Pflege und Begleitung).
const SENSITIVE: readonly Pattern[] = [
	{ stem: 'kind', re: /\bkind|kinder/ },
	{ stem: 'baby', re: /baby|säugling/ },
	{ stem: 'kita', re: /\bkita\b|tagesmutter|tagesvater|tageseltern/ },
	{ stem: 'schüler', re: /schüler/ },
	{ stem: 'nachhilfe', re: /nachhilfe|hausaufgab/ },
	{ stem: 'jugend', re: /jugendlich/ },
	{ stem: 'pflege', re: /\bpflege(?!leicht)|(alten|kranken|senioren|tages|kurzzeit)pflege/ },
	{ stem: 'betreuung', re: /(senioren|demenz|ferien|tages)betreu/ },
	{ stem: 'begleitung', re: /(arzt|einkaufs|senioren|kranken|behörden|spazier)begleit/ },
	{ stem: 'demenz', re: /demenz/ },
	{ stem: 'behinderung', re: /behinderung|rollstuhl/ }
];

// Residents' neighbourly help in a Meister trade is no trade (§ 1 Abs. 3 SchwarzArbG); the
// Meister rule (Anlage A HwO) is checked for commercial offers only.
const LICENSED: ReadonlyArray<Pattern & { kind: LicenceKind }> = [
	{
		kind: 'mains_electrical',
		stem: 'elektro',
		re: /elektroinstall|elektriker|sicherungskasten|zählerschrank|steckdose|lichtschalter|stromleitung|starkstrom|herdanschluss|herd anschließen|lampen? anschließen/
	},
	{
		kind: 'gas',
		stem: 'gas',
		re: /\bgas\b|gasherd|gastherme|gasleitung|gasanschluss|gasheizung|gasgerät/
	},
	{ kind: 'chimney', stem: 'schornstein', re: /schornstein|kaminofen|kamin kehren|feuerstätte/ },
	{
		kind: 'heilkunde',
		stem: 'heil',
		re: /heilprakti|heilbehandl|akupunktur|physiotherap|krankengymnast|therapie|\bheilen\b/
	},
	{
		kind: 'tax_advice',
		stem: 'steuer',
		re: /steuererklärung|steuerberat|einkommensteuer|lohnsteuer|steuerbescheid|steuersache|\belster\b/
	},
	{
		kind: 'master_trade',
		stem: 'meister',
		re: /maurer|zimmerei|zimmerer|dachdeck|steinmetz|stuckat|\bmaler|lackier|gerüstbau|metallbau|karosserie|kfz|klempner|installateur|heizungsbau|sanitär|tischler|schreiner|bäcker|konditor|fleischer|augenoptik|hörakustik|zahntechn|friseur|haare schneiden|glaser|fliesen|parkett|estrich|rollladen|raumausstatt/
	}
];

/** Lower-case, one space between words: the form the patterns are written for. */
export function normalizeText(text: string): string {
	return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}

/** The sensitive stems the text contains, each once, in table order. */
export function sensitiveStems(text: string): string[] {
	const t = normalizeText(text);
	return SENSITIVE.filter((p) => p.re.test(t)).map((p) => p.stem);
}

/**
 * The licensed kinds of work the text points to. `commercial`: a business member's offer; only
 * then is a Meister trade a licence question.
 */
export function licenceKinds(text: string, commercial: boolean): LicenceKind[] {
	const t = normalizeText(text);
	return LICENSED.filter((p) => (p.kind !== 'master_trade' || commercial) && p.re.test(t)).map(
		(p) => p.kind
	);
}
