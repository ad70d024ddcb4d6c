import { describe, expect, it } from 'vitest';
import { memberActionSchema, resolveFlagSchema } from './moderation';

describe('resolveFlagSchema', () => {
	it.each<[Record<string, unknown>, Record<string, string> | null]>([
		[{ flag: 'listing:a:b:0', outcome: 'dismissed', note: '' }, null],
		[{ flag: 'listing:a:b:0', outcome: 'hidden', note: 'Werbung' }, null],
		[{ flag: 'listing:a:b:0', outcome: 'hidden', note: '  ' }, { note: 'error_reason_required' }],
		[{ flag: 'listing:a:b:0', outcome: 'deleted', note: '' }, { outcome: 'error_flag_outcome' }],
		[{ flag: '', outcome: 'dismissed', note: '' }, { flag: 'error_invalid_input' }],
		[{ flag: 'x', outcome: 'dismissed', note: 'x'.repeat(1001) }, { note: 'error_note_too_long' }]
	])('%j', (input, errors) => {
		const parsed = resolveFlagSchema.safeParse(input);
		if (!errors) expect(parsed.success).toBe(true);
		else {
			expect(parsed.success).toBe(false);
			const issues = Object.fromEntries(
				parsed.error!.issues.map((i) => [String(i.path[0]), i.message])
			);
			expect(issues).toEqual(errors);
		}
	});
});

describe('memberActionSchema', () => {
	it('needs a member id and a reason', () => {
		expect(memberActionSchema.safeParse({ member: 'a'.repeat(24), reason: 'Grund' }).success).toBe(
			true
		);
		expect(memberActionSchema.safeParse({ member: '{"$ne":null}', reason: 'Grund' }).success).toBe(
			false
		);
		expect(memberActionSchema.safeParse({ member: 'a'.repeat(24), reason: ' ' }).success).toBe(
			false
		);
	});
});
