import { isActiveMember } from '$lib/domain/members/roles';
import { cellOf } from '$lib/domain/search/location';
import { parseSearch } from '$lib/schemas/search';
import { quarterViewer } from '$lib/server/auth/guards';
import { authorNames, summary, teaser } from '$lib/server/listing-view';
import { calendar } from '$lib/server/services/calendar';
import { upcomingCards } from '$lib/server/services/calendar/views';
import { homeBlockOf } from '$lib/server/services/members';
import { searchListings } from '$lib/server/services/listings';
import { inWord, inWords } from '$lib/server/messages';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
	const { quarter, user, membership } = await quarterViewer(event, event.params.quarter);
	const locale = event.locals.locale;
	const { data: params, errors } = parseSearch(event.url.searchParams);
	const member = isActiveMember(membership);
	const viewer = calendar.viewer(user?.id ?? null, membership);
	const upcomingEvents = upcomingCards(quarter, viewer, new Date());

	// Distances are measured from a block: the one chosen on the page, else the member's own.
	const ownBlock = member && user ? await homeBlockOf(quarter.id, user.id) : null;
	const nearId = params.near ?? ownBlock ?? null;
	const nearBlock = quarter.blocks.find((b) => b.id === nearId) ?? null;
	if (params.near && !nearBlock) errors.near = 'error_filter_invalid';
	if (params.category && !quarter.categories.some((c) => c.id === params.category)) {
		errors.category = 'error_category_invalid';
	}
	const near = nearBlock ? cellOf(nearBlock.lat, nearBlock.lon) : null;
	const sort = params.sort ?? (params.q ? 'relevance' : 'newest');
	const page = params.page ?? 1;

	const result = await searchListings({
		quarterId: quarter.id,
		q: params.q || undefined,
		kind: params.kind,
		category: errors.category ? undefined : params.category,
		settlement: params.settlement,
		provider: params.provider,
		near,
		maxDistanceMeters: near ? params.distance : undefined,
		sort,
		page,
		pageSize: PAGE_SIZE
	});
	const listings = result.hits.map((hit) => hit.listing);
	const names = member ? await authorNames(listings) : new Map<string, string>();

	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			description: quarter.description,
			categories: quarter.categories.map((c) => ({ id: c.id, label: c.label[locale] })),
			blocks: quarter.blocks.map((b) => ({ id: b.id, name: b.name }))
		},
		member,
		signedIn: user !== null,
		upcomingEvents: await upcomingEvents,
		timeZone: quarter.settings.timeZone,
		// An applicant learns here too that the application waits (or was declined).
		application:
			membership?.state === 'pending' || membership?.state === 'declined' ? membership.state : null,
		params: {
			q: params.q ?? '',
			kind: params.kind ?? '',
			category: errors.category ? '' : (params.category ?? ''),
			settlement: params.settlement ?? '',
			provider: params.provider ?? '',
			near: nearBlock?.id ?? '',
			distance: params.distance ? String(params.distance) : '',
			sort
		},
		// Each wrong filter by its field's name, in words (docs/architecture.md, "Messages").
		filterProblems: Object.entries(inWords(errors)).map(([field, text]) => ({
			field,
			text: `${inWord(`browse_field_${field}`)}: ${text}`
		})),
		total: result.total,
		page,
		pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		// Signed-out visitors and people from elsewhere see what is offered, not who or where.
		teasers: member ? [] : listings.map((l) => teaser(l, quarter, locale)),
		listings: member
			? result.hits.map((hit) =>
					summary(hit.listing, quarter, locale, names, hit.distanceMeters, hit.excerpt)
				)
			: []
	};
};
