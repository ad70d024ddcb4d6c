// Members accept the platform's rules at sign-up and again after a change of substance. Each
// acceptance is an entry of the person's insert-only list (version and time); nothing is ever
// overwritten, so the version a person accepted at any moment can be shown later.

export interface RulesAcceptance {
	userId: string;
	/** 1, 2, 3 … per person. */
	seq: number;
	/** The rules version accepted (documents.ts requiredRulesVersion; 0 = the template). */
	version: number;
	at: Date;
	/** Where: at sign-up, or on the page that asks again. */
	via: 'signup' | 'prompt' | 'seed';
}

/** The newest version a person accepted, or null when they never accepted through this record. */
export function acceptedVersion(entries: readonly RulesAcceptance[]): number | null {
	let best: number | null = null;
	for (const entry of entries) if (best === null || entry.version > best) best = entry.version;
	return best;
}

/**
 * Whether the person must accept the rules before anything else. People who joined before the
 * record existed ticked the rules box at sign-up: they count as having accepted version 0 (the
 * template), and are asked once a change of substance is saved.
 */
export function mustAcceptRules(required: number, accepted: number | null): boolean {
	return required > (accepted ?? 0);
}

/** A new acceptance, or none when this version (or a newer one) is on record already. */
export function nextAcceptance(
	entries: readonly RulesAcceptance[],
	input: { userId: string; version: number; via: RulesAcceptance['via'] },
	seq: number,
	at: Date
): RulesAcceptance | null {
	const accepted = acceptedVersion(entries);
	if (accepted !== null && accepted >= input.version) return null;
	return { userId: input.userId, seq, version: input.version, at, via: input.via };
}

/** Pages a person who must accept may still open: the legal texts themselves, signing out,
 * the language switch, and what browsers load on their own. Paths without a language prefix. */
const OPEN_PREFIXES = ['/regeln', '/impressum', '/datenschutz', '/transparenz', '/meldung'];
const OPEN_EXACT = ['/logout', '/language', '/healthz'];

export function openWithoutAcceptance(path: string): boolean {
	if (OPEN_EXACT.includes(path)) return true;
	if (path.startsWith('/photos/') || path.startsWith('/api/') || path.startsWith('/dev/')) {
		return true;
	}
	return OPEN_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
