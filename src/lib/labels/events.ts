// The words for the kinds of events in the quarter's calendar, in the reader's language (one
// message per label, so that a page carries only what it shows: docs/architecture.md).
import type { EventKind } from '$lib/domain/events/event';
import { m } from '$lib/paraglide/messages';

const KINDS: Record<EventKind, () => string> = {
	festival: () => m.event_kind_festival(),
	conference: () => m.event_kind_conference(),
	forum: () => m.event_kind_forum(),
	repair_cafe: () => m.event_kind_repair_cafe(),
	meeting: () => m.event_kind_meeting(),
	other: () => m.event_kind_other()
};

export const eventKindLabel = (kind: EventKind): string => KINDS[kind]();
