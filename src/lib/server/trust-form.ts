// The listing form again after a trust rule refused it (issue 16): what was typed, as the form
// fields, so nobody types it twice.
import type { ListingContent } from '../domain/listings/listing';
import { TRUST_REFUSALS, type TrustRefusal } from '../domain/trust/listing-rules';

export function isTrustRefusal(problem: string): problem is TrustRefusal {
	return (TRUST_REFUSALS as readonly string[]).includes(problem);
}

export function formValues(content: Omit<ListingContent, 'photoId'>): Record<string, string> {
	return {
		kind: content.kind,
		title: content.title,
		description: content.description,
		category: content.category,
		tags: content.tags.join(', '),
		settlement: content.settlement,
		price:
			content.priceCents === null ? '' : (content.priceCents / 100).toFixed(2).replace('.', ','),
		priceUnit: content.priceUnit ?? 'hour',
		availability: content.availability,
		blockId: content.blockId ?? ''
	};
}
