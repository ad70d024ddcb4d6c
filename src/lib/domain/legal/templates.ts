import type { RetentionPeriods } from '../privacy/retention';
// The built-in legal texts of a fresh installation (version 0 of each document), German and
// English, filled with what this installation really does (card payments on or off, which mail
// server). The platform administrator starts editing from them.
import type { LegalDocument, LegalTexts } from './documents';
import { impressumDe, privacyDe, rulesDe } from './templates-de';
import { impressumEn, privacyEn, rulesEn } from './templates-en';

export interface TemplateFacts {
	/** Stripe is configured (card payments can be offered). */
	cardPayments: boolean;
	/** The SMTP server's host, or null when mail stays in the development outbox. */
	mailHost: string | null;
	/** The configured retention periods (RETENTION_* in .env), named in the privacy notice. */
	retention: RetentionPeriods;
}

export function legalTemplate(document: LegalDocument, facts: TemplateFacts): LegalTexts {
	switch (document) {
		case 'impressum':
			return { de: impressumDe(), en: impressumEn() };
		case 'privacy':
			return { de: privacyDe(facts), en: privacyEn(facts) };
		case 'rules':
			return { de: rulesDe(), en: rulesEn() };
	}
}
