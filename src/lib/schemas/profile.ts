// The profile form. Which values are allowed depends on the quarter (its blocks) and on the
// member's role (only residents join the talent directory), so the schema is built per request.
// Error messages are message keys with the `profile_error_` prefix.
import { z } from 'zod';
import { hasLoneSurrogate } from '../domain/auth/text';
import {
	MESSAGE_NOTIFICATIONS,
	type MessageNotification,
	type Skill
} from '../domain/members/profile';
import type { Role } from '../domain/members/roles';
import { parseSkillLine } from '../domain/members/talents';
import { foldGerman } from '../domain/search/text';
import type { FieldErrors, ParseResult } from './form';
import { BIO_MAX, SKILLS_TEXT_MAX } from './limits';

export { BIO_MAX, SKILLS_TEXT_MAX };
export const SKILLS_MAX = 15;
export const SKILL_NAME_MAX = 40;
export const LANGUAGES_MAX = 10;
export const LANGUAGE_MAX = 40;
export const PHONE_MAX = 30;
/** Fifteen full lines with a level each fit easily; a pasted essay is refused before parsing. */
const LANGUAGES_TEXT_MAX = 600;
const BLOCK_ID_MAX = 64;

export const PROFILE_FIELDS = [
	'bio',
	'skills',
	'languages',
	'phone',
	'blockId',
	'talentDirectory',
	'showEmail',
	'showBalance',
	'messageNotification'
] as const;

export interface ProfileFormContext {
	role: Role;
	/** The quarter's blocks; a member may pick one of these or none. */
	blockIds: readonly string[];
}

export interface ProfileInput {
	bio: string;
	skills: Skill[];
	languages: string[];
	phone: string;
	blockId: string | null;
	talentDirectory: boolean;
	showEmail: boolean;
	showBalance: boolean;
	messageNotification: MessageNotification;
}

// Tabs and line breaks are welcome in the bio; other control characters (NUL above all, which
// the embedded database cannot store) are not.
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const cleanLine = (s: string) => !CONTROL.test(s) && !hasLoneSurrogate(s);
const cleanText = (s: string) => !CONTROL_EXCEPT_LINES.test(s) && !hasLoneSurrogate(s);

/** A field the form always sends; a missing one (a hand-made request) counts as empty. */
const text = z
	.string({ error: 'profile_error_invalid' })
	.optional()
	.transform((s) => (s ?? '').normalize('NFC').replace(/\r\n?/g, '\n'));

const checkbox = z
	.enum(['on'], { error: 'profile_error_invalid' })
	.optional()
	.transform((v) => v === 'on');

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Drops a second spelling of the same entry ("Deutsch", "deutsch"), keeping the first. */
function uniqueFolded<T>(items: T[], key: (item: T) => string): T[] {
	const seen = new Set<string>();
	return items.filter((item) => {
		const k = foldGerman(key(item));
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

const skillsField = text
	.pipe(z.string().max(SKILLS_TEXT_MAX, 'profile_error_skills_too_long'))
	.refine(cleanText, 'profile_error_text_invalid')
	.transform((raw, ctx): Skill[] => {
		const lines = raw
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		const skills: Skill[] = [];
		for (const line of lines) {
			const parsed = parseSkillLine(line);
			if (!parsed.ok) {
				ctx.addIssue({ code: 'custom', message: `profile_error_skill_${parsed.problem}` });
				return z.NEVER;
			}
			if (parsed.skill.name.length > SKILL_NAME_MAX) {
				ctx.addIssue({ code: 'custom', message: 'profile_error_skill_too_long' });
				return z.NEVER;
			}
			skills.push(parsed.skill);
		}
		const unique = uniqueFolded(skills, (s) => s.name);
		if (unique.length > SKILLS_MAX) {
			ctx.addIssue({ code: 'custom', message: 'profile_error_skills_too_many' });
			return z.NEVER;
		}
		return unique;
	});

const languagesField = text
	.pipe(z.string().max(LANGUAGES_TEXT_MAX, 'profile_error_languages_too_many'))
	.refine(cleanText, 'profile_error_text_invalid')
	.transform((raw, ctx): string[] => {
		// Commas as asked; semicolons and line breaks are forgiven.
		const languages = uniqueFolded(
			raw
				.split(/[,;\n]/)
				.map(oneLine)
				.filter(Boolean),
			(l) => l
		);
		if (languages.some((l) => l.length > LANGUAGE_MAX)) {
			ctx.addIssue({ code: 'custom', message: 'profile_error_language_too_long' });
			return z.NEVER;
		}
		if (languages.length > LANGUAGES_MAX) {
			ctx.addIssue({ code: 'custom', message: 'profile_error_languages_too_many' });
			return z.NEVER;
		}
		return languages;
	});

const phoneField = text.transform(oneLine).pipe(
	z
		.string()
		.max(PHONE_MAX, 'profile_error_phone_too_long')
		.refine(
			(s) => s === '' || (/^[0-9 +\-()/]+$/.test(s) && (s.match(/\d/g) ?? []).length >= 3),
			'profile_error_phone_invalid'
		)
);

export function profileSchema(context: ProfileFormContext) {
	return z.object({
		bio: text
			.transform((s) => s.trim())
			.pipe(z.string().max(BIO_MAX, 'profile_error_bio_too_long'))
			.refine(cleanText, 'profile_error_text_invalid'),
		skills: skillsField,
		languages: languagesField,
		phone: phoneField,
		blockId: text
			.pipe(z.string().max(BLOCK_ID_MAX, 'profile_error_block_invalid'))
			.refine((s) => s === '' || context.blockIds.includes(s), 'profile_error_block_invalid')
			.transform((s) => (s === '' ? null : s)),
		talentDirectory: checkbox.refine(
			(on) => !on || context.role === 'resident',
			'profile_error_talent_residents_only'
		),
		showEmail: checkbox,
		showBalance: checkbox,
		messageNotification: z.enum(MESSAGE_NOTIFICATIONS, {
			error: 'profile_error_notification_invalid'
		})
	});
}

/**
 * What was typed, to show again next to the errors: only the profile's own text fields, long
 * enough for the whole bio or skill list.
 */
export function profileFormValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const name of PROFILE_FIELDS) {
		const value = form.get(name);
		if (typeof value === 'string') values[name] = value.slice(0, SKILLS_TEXT_MAX);
	}
	return values;
}

/**
 * Reads the profile's text fields (files, unknown and repeated fields are ignored as in
 * `parseForm`) and parses them. Errors are message keys, one per field.
 */
export function parseProfileForm(
	form: FormData,
	context: ProfileFormContext
): ParseResult<ProfileInput> {
	const raw: Record<string, unknown> = {};
	for (const name of PROFILE_FIELDS) {
		const value = form.get(name);
		if (typeof value === 'string') raw[name] = value;
		else if (value !== null) raw[name] = { invalid: true };
	}
	const parsed = profileSchema(context).safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };

	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('profile_error_')
			? issue.message
			: 'profile_error_invalid';
	}
	return { ok: false, errors, values: profileFormValues(form) };
}

/** The directory's query string. A filter that is too long or garbled is dropped rather than
 * refused: the page still lists everyone. */
export const talentFilterSchema = z.object({
	skill: z
		.string()
		.transform(oneLine)
		.pipe(z.string().max(SKILL_NAME_MAX).refine(cleanLine))
		.catch(''),
	language: z
		.string()
		.transform(oneLine)
		.pipe(z.string().max(LANGUAGE_MAX).refine(cleanLine))
		.catch('')
});
