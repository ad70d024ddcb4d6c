// Reports (flags) by members: what may be reported.

/** What a member's report is about. */
export type FlagTargetType = 'listing' | 'member' | 'conversation';
