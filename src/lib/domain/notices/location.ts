// Where the notified content is (Art. 16(2)(b): "the exact electronic location"): the app's own
// addresses of a listing, a member's profile or a conversation, given as a full URL or a path.
import type { NoticeTargetType } from './notice';

export type Located =
	| { type: 'listing' | 'member'; quarterId: string; id: string }
	| { type: 'conversation'; quarterId: null; id: string };

const ID = '([A-Za-z0-9_-]{1,64})';
const PATTERNS: [RegExp, NoticeTargetType][] = [
	[new RegExp(`^(?:/en)?/q/${ID}/listings/${ID}/?$`), 'listing'],
	[new RegExp(`^(?:/en)?/q/${ID}/members/${ID}/?$`), 'member'],
	[new RegExp(`^(?:/en)?/messages/${ID}/?$`), 'conversation']
];

/** The content an address names, or null when it is none of ours. Any host is accepted: the
 * notifier may paste the address from another device or a forwarded mail. */
export function locateContent(location: string): Located | null {
	let path = location.trim();
	try {
		path = new URL(path, 'http://x').pathname;
	} catch {
		return null;
	}
	for (const [pattern, type] of PATTERNS) {
		const match = pattern.exec(path);
		if (!match) continue;
		if (type === 'conversation') return { type, quarterId: null, id: match[1]! };
		return { type, quarterId: match[1]!, id: match[2]! };
	}
	return null;
}

/** The path a notice link carries for each kind of content. */
export function contentPath(type: NoticeTargetType, quarterId: string | null, id: string): string {
	if (type === 'conversation') return `/messages/${id}`;
	return `/q/${quarterId}/${type === 'listing' ? 'listings' : 'members'}/${id}`;
}
