import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /en/login renders the same route as /login; the locale comes from the URL.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
