// A member's profile in a quarter: what neighbours see about them. Contact details stay hidden
// unless the member chooses to show them.

export const SKILL_LEVELS = ['basic', 'good', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export interface Skill {
	name: string;
	level: SkillLevel | null;
}

/** How a member hears about new messages: a batched mail soon after, once a day, or not at all. */
export const MESSAGE_NOTIFICATIONS = ['batched', 'daily', 'never'] as const;
export type MessageNotification = (typeof MESSAGE_NOTIFICATIONS)[number];

export interface Profile {
	quarterId: string;
	userId: string;
	bio: string;
	skills: Skill[];
	/** Language names as the member typed them, e.g. "Deutsch", "Türkisch". */
	languages: string[];
	photoId: string | null;
	/** Residents opt in; businesses of the quarter browse the directory. */
	talentDirectory: boolean;
	/** The block (street section) the member lives in; distances are measured from it. */
	blockId: string | null;
	showEmail: boolean;
	/** Empty when the member does not want to give one. */
	phone: string;
	messageNotification: MessageNotification;
	/** Other members may see the time-account balance (hidden by default). */
	showBalance: boolean;
	updatedAt: Date;
}

export function emptyProfile(quarterId: string, userId: string, now: Date): Profile {
	return {
		quarterId,
		userId,
		bio: '',
		skills: [],
		languages: [],
		photoId: null,
		talentDirectory: false,
		blockId: null,
		showEmail: false,
		phone: '',
		messageNotification: 'batched',
		showBalance: false,
		updatedAt: now
	};
}
