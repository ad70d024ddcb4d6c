// Trader identity (Anbieterkennzeichnung, Art. 30 DSA): a business member names who stands
// behind their commercial offers before the first one is published. Kept per person as an
// insert-only list of versions; the newest is shown on their profile.

/** Lengths of the trader details, checked by the form's schema and shown by the form. */
export const TRADER_LIMITS = {
	legalName: 200,
	address: 400,
	phone: 40,
	registerNumber: 120
} as const;

export interface TraderIdentity {
	userId: string;
	/** 1, 2, 3 … per person. */
	seq: number;
	legalName: string;
	/** Street, number, postcode and town; may span lines. */
	address: string;
	email: string;
	phone: string;
	/** Handelsregister, Vereinsregister or similar, e.g. "HRB 12345, Amtsgericht Hannover";
	 * empty when the business is not registered. */
	registerNumber: string;
	/** They confirmed that they offer only products and services that comply with the law
	 * (Art. 30(1)(e) DSA). */
	lawfulConfirmed: boolean;
	at: Date;
}

export type TraderDetails = Omit<TraderIdentity, 'userId' | 'seq' | 'at'>;

/** All that Art. 30(1) asks for is there (the register number only where one exists). */
export function isComplete(identity: TraderDetails | null | undefined): boolean {
	return (
		!!identity &&
		identity.lawfulConfirmed &&
		[identity.legalName, identity.address, identity.email, identity.phone].every(
			(field) => field.trim() !== ''
		)
	);
}

/** A listing the gate looks at: offers of business members are commercial offers. */
export interface OfferLike {
	kind: 'offer' | 'request';
	commercial: boolean;
}

/**
 * Whether a listing may be submitted for publication only after its author gave a complete
 * trader identity: a commercial offer (Art. 30 DSA concerns traders offering products or
 * services). Requests of businesses and everything residents write are not gated.
 */
export function needsTraderIdentity(listing: OfferLike, identity: TraderDetails | null): boolean {
	return listing.commercial && listing.kind === 'offer' && !isComplete(identity);
}

/** The next version, or null when nothing changed (a form sent twice stores one version). */
export function nextTraderIdentity(
	current: TraderIdentity | null,
	userId: string,
	details: TraderDetails,
	seq: number,
	at: Date
): TraderIdentity | null {
	if (
		current &&
		current.legalName === details.legalName &&
		current.address === details.address &&
		current.email === details.email &&
		current.phone === details.phone &&
		current.registerNumber === details.registerNumber &&
		current.lawfulConfirmed === details.lawfulConfirmed
	) {
		return null;
	}
	return { userId, seq, ...details, at };
}
