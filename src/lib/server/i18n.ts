import { cookieName, cookieMaxAge } from '../paraglide/runtime';

export const LOCALE_COOKIE = cookieName;
export const LOCALE_COOKIE_MAX_AGE = cookieMaxAge;

/** Whether a path carries the English prefix; German URLs have none. */
export function hasEnglishPrefix(pathname: string): boolean {
	return pathname === '/en' || pathname.startsWith('/en/');
}
