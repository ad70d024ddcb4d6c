// What the trust rules (issue 16 items 1-4) say about one listing of one author. Pure: the
// service passes the author's records as flags. A refusal stops the listing from being saved
// as submitted; a hold sends it to pre-moderation with the reason shown to the moderator.
import { allowsEuros, type ListingContent } from '../listings/listing';
import { licenceKinds, sensitiveStems, type LicenceKind } from './activities';
import type { TrustSettings } from './settings';

export interface AuthorTrust {
	minor: boolean;
	/** A valid Führungszeugnis record in this quarter. */
	vetted: boolean;
	/** Confirmed a private liability insurance. */
	insured: boolean;
	/** A business member (the offer is commercial). */
	commercial: boolean;
}

export const TRUST_REFUSALS = [
	'minor_sensitive',
	'minor_licensed',
	'minor_euros',
	'licensed_refused',
	'licensed_business_only',
	'insurance_required'
] as const;
export type TrustRefusal = (typeof TRUST_REFUSALS)[number];

export type TrustHold = 'vetting_missing' | 'sensitive_text';

export interface ListingAssessment {
	/** An offer in a category the quarter marks as sensitive. */
	sensitiveCategory: boolean;
	/** Sensitive stems in the text of an offer (the moderator's reason). */
	sensitiveStems: string[];
	/** Licensed kinds of work an offer points to (the notice on form and listing). */
	licences: LicenceKind[];
	refusal: TrustRefusal | null;
	holds: TrustHold[];
}

type Assessed = Pick<
	ListingContent,
	'kind' | 'category' | 'title' | 'description' | 'tags' | 'settlement'
>;

/** The words of a listing that the detection reads. */
export function listingText(listing: Pick<Assessed, 'title' | 'description' | 'tags'>): string {
	return [listing.title, listing.description, listing.tags.join(' ')].join(' ');
}

export function assessListing(
	listing: Assessed,
	author: AuthorTrust,
	settings: TrustSettings
): ListingAssessment {
	const none: ListingAssessment = {
		sensitiveCategory: false,
		sensitiveStems: [],
		licences: [],
		refusal: null,
		holds: []
	};
	// Asking for help is never restricted: the person who helps is the one who offers.
	if (listing.kind !== 'offer') return none;
	const text = listingText(listing);
	const sensitiveCategory = settings.sensitiveCategories.includes(listing.category);
	const stems = sensitiveStems(text);
	const licences = licenceKinds(text, author.commercial);
	const holds: TrustHold[] = [];
	if (sensitiveCategory && !author.vetted) holds.push('vetting_missing');
	if (!sensitiveCategory && stems.length > 0) holds.push('sensitive_text');
	return {
		sensitiveCategory,
		sensitiveStems: stems,
		licences,
		refusal: refusalOf(listing, author, settings, sensitiveCategory, licences),
		holds
	};
}

function refusalOf(
	listing: Assessed,
	author: AuthorTrust,
	settings: TrustSettings,
	sensitiveCategory: boolean,
	licences: LicenceKind[]
): TrustRefusal | null {
	if (author.minor) {
		if (sensitiveCategory) return 'minor_sensitive';
		if (licences.length > 0) return 'minor_licensed';
		if (allowsEuros(listing.settlement)) return 'minor_euros';
	}
	if (licences.length > 0) {
		if (settings.licensedWork === 'refuse') return 'licensed_refused';
		if (settings.licensedWork === 'business_only' && !author.commercial)
			return 'licensed_business_only';
	}
	if (settings.insuranceCategories.includes(listing.category) && !author.insured)
		return 'insurance_required';
	return null;
}

/** Whether the quarter management may publish the offer now: an offer in a sensitive category
 * waits for the Führungszeugnis record, whoever approves. */
export function mayPublish(assessment: ListingAssessment): boolean {
	return !assessment.holds.includes('vetting_missing');
}
