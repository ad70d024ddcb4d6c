// The words for why a listing waits and which licence its work needs, in the reader's language
// (one message per label, so that a page carries only what it shows: docs/architecture.md).
import type { LicenceKind } from '$lib/domain/trust/activities';
import type { TrustHold } from '$lib/domain/trust/listing-rules';
import { m } from '$lib/paraglide/messages';

const LICENCES: Record<LicenceKind, () => string> = {
	mains_electrical: () => m.trust_licence_mains_electrical(),
	gas: () => m.trust_licence_gas(),
	chimney: () => m.trust_licence_chimney(),
	heilkunde: () => m.trust_licence_heilkunde(),
	tax_advice: () => m.trust_licence_tax_advice(),
	master_trade: () => m.trust_licence_master_trade()
};

export const licenceLabel = (licence: LicenceKind): string => LICENCES[licence]();

/** Why a listing waits; the word stems that made its text look sensitive are named. */
export const holdLabel = (hold: TrustHold, stems: readonly string[]): string =>
	hold === 'sensitive_text'
		? m.trust_hold_sensitive_text({ stems: stems.join(', ') })
		: m.trust_hold_vetting_missing();
