// Mail goes out through SMTP when SMTP_URL is set; otherwise it lands in the database outbox,
// which developers read at /dev/mail. Mail sent by SMTP is not copied: it carries one-time links
// that should not sit in the database.
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';
import { newId } from '../ids';
import { findMail, insertMail, listMail, type OutboxMail } from '../repos/outbox';

let transporter: Transporter | null = null;

function smtp(): Transporter | null {
	if (!env.SMTP_URL) return null;
	transporter ??= nodemailer.createTransport(env.SMTP_URL);
	return transporter;
}

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

export async function sendMail(mail: Mail, now = new Date()): Promise<void> {
	const transport = smtp();
	if (transport) {
		await transport.sendMail({
			from: env.MAIL_FROM,
			to: mail.to,
			subject: mail.subject,
			text: mail.text
		});
		return;
	}
	await insertMail({ id: newId(), ...mail, createdAt: now, sentAt: null });
}

/** The newest mails in the outbox, optionally to one address (the developers' /dev/mail). */
export function listOutbox(limit: number, to?: string): Promise<OutboxMail[]> {
	return listMail(limit, to);
}

export function findOutboxMail(id: string): Promise<OutboxMail | null> {
	return findMail(id);
}
