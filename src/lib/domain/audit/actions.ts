// Every act the audit log records, in one list: the stored `action` of an audit entry is one of
// these (AuditDoc in server/db/collections.ts is typed with it), and actions.test.ts checks that
// each has its own label in both languages (`audit_action_<name>` in messages/*.json).
import { OUTCOME_KINDS } from '../cases/case';
import { MODERATOR_MOVES } from '../listings/listing';
import { DECISION_KINDS } from '../notices/notice';

/** How a report on a listing or a member ended (the moderation queue). */
export const FLAG_OUTCOMES = ['dismissed', 'hidden'] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

const prefixed = <P extends string, N extends string>(prefix: P, names: readonly N[]) =>
	names.map((name) => `${prefix}.${name}` as `${P}.${N}`);

export const AUDIT_ACTIONS = [
	...prefixed('listing', MODERATOR_MOVES),
	...prefixed('flag', FLAG_OUTCOMES),
	...prefixed('case', OUTCOME_KINDS),
	'case.opened',
	'case.closed',
	'case.closedWithoutAction',
	'member.approved',
	'member.declined',
	'member.asked',
	'member.warn',
	'member.suspend',
	'member.reinstate',
	'member.assistConsent',
	'member.assistWithdrawn',
	// A member deleted their account (docs/legal.md): the entry names only the pseudonym.
	'member.deleted',
	// A member downloaded their data (Art. 15, 20 GDPR): the operator can show it was answered.
	'member.dataExport',
	'conversation.read',
	'exchange.moderatorSettle',
	'exchange.moderatorCancel',
	'exchange.refund',
	// A card dispute (chargeback) Stripe reported, recorded by the system.
	'exchange.chargebackOpened',
	'exchange.chargebackWon',
	'exchange.chargebackLost',
	'ledger.startCredit',
	'account.grant',
	'account.grantOverride',
	'account.reversal',
	'budget.lineCreated',
	'budget.lineClosed',
	'budget.euroGrant',
	// The quarter's calendar (docs/events.md).
	'event.created',
	'event.approved',
	'event.rejected',
	'event.changed',
	'event.cancelled',
	// Trade between two quarters, switched on or off by one management (docs/cross-quarter.md).
	'trade.switchedOn',
	'trade.switchedOff',
	// The Bürgerbudget (docs/buergerbudget.md); ballots are secret and not in the log.
	'participation.roundOpened',
	'participation.roundChanged',
	'participation.phaseEnded',
	'participation.proposed',
	'participation.proposalAssessed',
	'participation.resultPublished',
	// DSA notice and action, complaints (docs/legal.md).
	'notice.received',
	...prefixed('notice', DECISION_KINDS),
	'notice.complaint',
	'notice.complaintUpheld',
	'notice.complaintReversed',
	// The platform administrator's acts on a quarter (admin area, npm run admin, demo seed).
	'quarter.created',
	'quarter.detailsChanged',
	'quarter.settingsChanged',
	'quarter.blocksImported',
	'quarter.blocksReplaced',
	'quarter.blockAdded',
	'quarter.blockChanged',
	'quarter.blockRemoved',
	'quarter.categoryAdded',
	'quarter.categoryChanged',
	'quarter.categoryRemoved',
	// The quarter management printed letters with address codes (docs/trust-and-tax.md).
	'quarter.lettersPrinted',
	'member.managerAppointed',
	'member.managerRemoved',
	'member.roleChanged',
	// Trust records of the quarter management (docs/trust-and-tax.md, items 1 and 3).
	'member.vettingRecorded',
	'member.minorConsentRecorded',
	'quarter.trustSettingsChanged',
	// PStTG / DAC7 (docs/trust-and-tax.md, section 7): every look at seller data is logged.
	'dac7.reportViewed',
	'dac7.reportDownloaded',
	'dac7.settingsChanged'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The message key of an action's label: `case.closedWithoutAction` → `audit_action_case_closed_without_action`. */
export function auditActionKey(action: string): string {
	return `audit_action_${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/[^a-z0-9_]/g, '_')}`;
}
