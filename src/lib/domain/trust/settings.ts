// A quarter's trust settings (issue 16 items 1-4). Stored inside the quarter's settings as
// `trust`; a quarter saved before they existed gets these defaults.

/** What a quarter does with offers of licensed work (activities.ts LICENCE_KINDS). */
export const LICENSED_WORK_RULES = ['refuse', 'business_only', 'notice'] as const;
export type LicensedWorkRule = (typeof LICENSED_WORK_RULES)[number];

export interface TrustSettings {
	/** Category ids whose offers need a Führungszeugnis seen by the quarter management. */
	sensitiveCategories: string[];
	/** Months a Führungszeugnis seen stays valid; null: the dated table's default. */
	vettingValidityMonths: number | null;
	licensedWork: LicensedWorkRule;
	/** Admit 14-17-year-olds with a parent's consent recorded by the quarter management. */
	minorsWithConsent: boolean;
	/** Category ids whose offers need a confirmed private liability insurance. */
	insuranceCategories: string[];
}

export const DEFAULT_TRUST_SETTINGS: TrustSettings = {
	sensitiveCategories: ['kinder-familie', 'senioren', 'nachhilfe-sprachen'],
	vettingValidityMonths: null,
	licensedWork: 'business_only',
	minorsWithConsent: false,
	insuranceCategories: []
};

/** Longest validity a quarter may set, in months (ten years). */
export const MAX_VETTING_MONTHS = 120;

export function trustWithDefaults(saved: Partial<TrustSettings> | undefined): TrustSettings {
	return { ...DEFAULT_TRUST_SETTINGS, ...(saved ?? {}) };
}
