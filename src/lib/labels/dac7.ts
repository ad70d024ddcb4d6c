// The labels of the PStTG seller fields, in the reader's language (admin page and Mein Konto).
import type { SellerField } from '$lib/domain/tax/dac7';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<SellerField, () => string> = {
	kind: () => m.dac7_field_kind(),
	firstName: () => m.dac7_field_first_name(),
	lastName: () => m.dac7_field_last_name(),
	birthDate: () => m.dac7_field_birth_date(),
	address: () => m.dac7_field_address(),
	tin: () => m.dac7_field_tin(),
	tinCountry: () => m.dac7_field_tin_country(),
	legalName: () => m.trader_field_legal_name(),
	traderAddress: () => m.trader_field_address()
};

export function fieldLabel(field: SellerField): string {
	return LABELS[field]();
}
