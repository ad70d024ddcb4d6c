// Length limits that forms show in the browser (maxlength, "noch 120 Zeichen"). Kept apart from
// the schemas so that a page importing one does not load zod into the browser (about 22 kB
// gzipped, measured by `npm run bench -- scale`); the schemas import them from here.

export const CASE_TEXT_MAX = 2000;
export const CASE_TITLE_MAX = 120;
export const MEMO_MAX = 200;
export const REASON_MAX = 1000;
export const NOTE_MAX = 500;
export const BIO_MAX = 500;
export const SKILLS_TEXT_MAX = 1500;
/** RFC 5321's limit of a mail address (254 characters). */
export const EMAIL_MAX = 254;
