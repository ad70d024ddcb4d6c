// The mail outbox against the real FerretDB and a real SMTP server (smtp-server) started here:
// mails are stored first, go out once however many senders run, survive an SMTP outage with
// backoff, fail at once on a 5xx, and are cleaned up on time.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../src/lib/domain/mail/delivery';
import { db } from '../../src/lib/server/db';
import { mailEventStore } from '../../src/lib/server/repos/mail-events';
import {
	MailSender,
	listMail,
	listOutbox,
	mailQueue,
	onMailQueued,
	purgeMail,
	sendMail
} from '../../src/lib/server/services/mail';

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const FROM = 'Quartiermarkt <no-reply@quartier.test>';

interface Received {
	to: string[];
	subject: string;
	messageId: string;
}

/** A real SMTP server on a fixed port that can be stopped and started again. Recipients at
 * `bounce.test` are refused with a 550. */
class TestSmtp {
	readonly received: Received[] = [];
	private server: SMTPServer | null = null;
	port = 0;

	async start(): Promise<void> {
		const server = new SMTPServer({
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			onRcptTo: (address, _session, callback) => {
				if (address.address.endsWith('@bounce.test')) {
					const err = new Error('5.1.1 No such mailbox here') as Error & { responseCode: number };
					err.responseCode = 550;
					return callback(err);
				}
				callback();
			},
			onData: (stream, session, callback) => {
				let raw = '';
				stream.setEncoding('utf8');
				stream.on('data', (chunk: string) => (raw += chunk));
				stream.on('end', () => {
					const header = (name: string) =>
						new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
					this.received.push({
						to: session.envelope.rcptTo.map((r) => r.address),
						subject: header('Subject'),
						messageId: header('Message-ID')
					});
					callback();
				});
			}
		});
		server.listen(this.port, '127.0.0.1');
		await once(server.server, 'listening');
		this.port = (server.server.address() as AddressInfo).port;
		this.server = server;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	get url(): string {
		return `smtp://127.0.0.1:${this.port}`;
	}

	/** How often each of the given subjects arrived. */
	countOf(subjects: string[]): number[] {
		return subjects.map((s) => this.received.filter((r) => r.subject === s).length);
	}
}

const smtp = new TestSmtp();
const senders: MailSender[] = [];
function sender(name: string, smtpUrl: string | null = smtp.url): MailSender {
	const s = new MailSender({ smtpUrl, from: FROM, name });
	senders.push(s);
	return s;
}

async function queue(prefix: string, n: number, now: Date, to = 'nachbarin@quartier.test') {
	const subjects = Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
	for (const subject of subjects) await sendMail({ to, subject, text: `Hallo, ${subject}` }, now);
	return subjects;
}

async function entriesOf(subjects: string[]) {
	const all = await listMail({ limit: 1_000 });
	return subjects.map((s) => all.find((m) => m.subject === s)!);
}

beforeAll(async () => {
	await smtp.start();
});

afterAll(async () => {
	for (const s of senders) s.close();
	await smtp.stop();
});

describe('storing', () => {
	it('sendMail only stores the mail as queued and tells the listeners', async () => {
		let told = 0;
		const off = onMailQueued(() => told++);
		const [subject] = await queue('Gespeichert', 1, new Date());
		off();
		expect(told).toBe(1);
		const [entry] = await entriesOf([subject!]);
		expect(entry).toMatchObject({ status: 'queued', attempts: 0, lastError: null, sentAt: null });
		expect(smtp.countOf([subject!])).toEqual([0]);
		expect((await mailQueue()).queued).toBeGreaterThanOrEqual(1);
		// Sent by the next test's senders.
	});
});

describe('an SMTP outage', () => {
	it('records the failures, waits for the backoff and then delivers every mail once', async () => {
		const t0 = new Date();
		const subjects = await queue('Ausfall', 5, t0);
		await smtp.stop();
		const a = sender('a');

		const down = await a.run(t0);
		expect(down.retrying).toBeGreaterThanOrEqual(5);
		for (const entry of await entriesOf(subjects)) {
			expect(entry).toMatchObject({ status: 'queued', attempts: 1 });
			expect(entry.lastError).toMatch(/ECONNREFUSED/);
		}

		await smtp.start();
		// Within the first backoff (1 minute) nothing is tried, although SMTP is back.
		const early = await a.run(new Date(t0.getTime() + 30_000));
		expect(early.sent).toBe(0);
		expect(smtp.countOf(subjects)).toEqual([0, 0, 0, 0, 0]);

		const later = await a.run(new Date(t0.getTime() + MIN + 1_000));
		expect(later.sent).toBeGreaterThanOrEqual(5);
		expect(smtp.countOf(subjects)).toEqual([1, 1, 1, 1, 1]);
		for (const entry of await entriesOf(subjects)) {
			expect(entry).toMatchObject({ status: 'sent', attempts: 2 });
			expect(entry.sentAt).toBeInstanceOf(Date);
		}

		// Nothing is pending any more: later runs send nothing again.
		await a.run(new Date(t0.getTime() + 2 * DAY));
		await sender('b').run(new Date(t0.getTime() + 2 * DAY));
		expect(smtp.countOf(subjects)).toEqual([1, 1, 1, 1, 1]);
		expect((await mailQueue()).queued).toBe(0);
	});

	it('the mail carries a Message-ID made from its id', async () => {
		const [subject] = await queue('Kennung', 1, new Date());
		await sender('c').run(new Date());
		const [entry] = await entriesOf([subject!]);
		const got = smtp.received.find((r) => r.subject === subject)!;
		expect(got.messageId).toBe(`<${entry!.id}@quartier.test>`);
	});
});

describe('several senders at once', () => {
	it('deliver each mail exactly once', async () => {
		const now = new Date();
		const subjects = await queue('Parallel', 30, now);
		const fleet = ['p1', 'p2', 'p3', 'p4'].map((name) => sender(name));
		const started = performance.now();
		const runs = await Promise.all([...fleet, ...fleet].map((s) => s.run(now)));
		const ms = performance.now() - started;
		expect(smtp.countOf(subjects)).toEqual(subjects.map(() => 1));
		expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
		// The senders did meet: some found a mail claimed by another.
		expect(runs.reduce((sum, r) => sum + r.waiting, 0)).toBeGreaterThan(0);
		for (const entry of await entriesOf(subjects)) {
			expect(entry).toMatchObject({ status: 'sent', attempts: 1 });
		}
		console.info(
			`mail-outbox: 8 concurrent runs delivered 30 mails once each in ${ms.toFixed(0)} ms`
		);
	});

	it('a crashed sender’s claim keeps others away until its lease runs out', async () => {
		const now = new Date();
		const [subject] = await queue('Absturz', 1, now);
		const [entry] = await entriesOf([subject!]);
		// A sender claimed attempt 1 and died before it said how it went.
		await mailEventStore.insert(entry!.id, 1, {
			kind: 'claim',
			attempt: 1,
			at: now,
			leaseUntil: new Date(now.getTime() + LEASE_MS),
			by: 'crashed',
			mailId: entry!.id,
			n: 1
		});
		await sender('d').run(new Date(now.getTime() + LEASE_MS - 1_000));
		expect(smtp.countOf([subject!])).toEqual([0]);
		await sender('e').run(new Date(now.getTime() + LEASE_MS + 1_000));
		expect(smtp.countOf([subject!])).toEqual([1]);
		const [after] = await entriesOf([subject!]);
		expect(after).toMatchObject({ status: 'sent', attempts: 2 });
	});
});

describe('a permanent failure', () => {
	it('a 5xx is recorded as failed with the reason, at once', async () => {
		const now = new Date();
		const [subject] = await queue('Unzustellbar', 1, now, 'niemand@bounce.test');
		await sender('f').run(now);
		const [entry] = await entriesOf([subject!]);
		expect(entry).toMatchObject({ status: 'failed', failure: 'permanent', attempts: 1 });
		expect(entry!.lastError).toMatch(/550 5\.1\.1 No such mailbox/);
		expect((await listMail({ status: 'failed', limit: 10 })).map((m) => m.subject)).toContain(
			subject
		);
		// It is not tried again.
		await sender('g').run(new Date(now.getTime() + DAY));
		expect((await entriesOf([subject!]))[0]!.attempts).toBe(1);
		expect((await mailQueue(now)).failedLast24h).toBeGreaterThanOrEqual(1);
	});
});

describe('without an SMTP server', () => {
	it('records the mail as not sent and keeps it readable for /dev/mail', async () => {
		const now = new Date();
		const [subject] = await queue('Ohne SMTP', 1, now, 'entwickler@quartier.test');
		const run = await sender('h', null).run(now);
		expect(run.failed).toBeGreaterThanOrEqual(1);
		const [entry] = await entriesOf([subject!]);
		expect(entry).toMatchObject({ status: 'failed', failure: 'no_smtp', attempts: 0 });
		const [devMail] = await listOutbox(1, 'entwickler@quartier.test');
		expect(devMail).toMatchObject({ subject, text: `Hallo, ${subject}` });
		const q = await mailQueue(now);
		expect(q.unsentLast24h).toBeGreaterThanOrEqual(1);
	});
});

describe('listing', () => {
	it('pages through the newest mails of one status', async () => {
		const base = new Date(Date.now() - 10 * MIN);
		const subjects: string[] = [];
		for (let i = 0; i < 5; i++) {
			subjects.push(...(await queue(`Seite ${i}`, 1, new Date(base.getTime() + i * 1_000))));
		}
		const first = await listMail({ status: 'queued', limit: 3 });
		expect(first.map((m) => m.subject)).toEqual(['Seite 4 1', 'Seite 3 1', 'Seite 2 1']);
		const second = await listMail({ status: 'queued', limit: 3, before: first.at(-1)!.id });
		expect(second.map((m) => m.subject)).toEqual(['Seite 1 1', 'Seite 0 1']);
		const q = await mailQueue(new Date(base.getTime() + 10 * MIN));
		expect(q.queued).toBe(5);
		expect(q.oldestQueuedAt).toEqual(base);
		expect(q.oldestQueuedAgeMs).toBe(10 * MIN);
		await sender('i').run(new Date());
		expect(smtp.countOf(subjects)).toEqual([1, 1, 1, 1, 1]);
	});
});

describe('purgeMail', () => {
	it('empties texts after 7 (sent) or 30 days (failed) and deletes after 90 or 180 days', async () => {
		const now = new Date();
		const ago = (days: number) => new Date(now.getTime() - days * DAY);
		const at = async (days: number, prefix: string, to?: string) => {
			const [subject] = await queue(prefix, 1, ago(days), to);
			await sender(`purge-${prefix}`).run(ago(days));
			return subject!;
		};
		const sent6 = await at(6, 'Gesendet 6');
		const sent8 = await at(8, 'Gesendet 8');
		const sent91 = await at(91, 'Gesendet 91');
		const failed8 = await at(8, 'Fehler 8', 'a@bounce.test');
		const failed31 = await at(31, 'Fehler 31', 'b@bounce.test');
		const failed181 = await at(181, 'Fehler 181', 'c@bounce.test');
		const [gone] = await entriesOf([sent91]);
		const eventsBefore = await (await db()).mailEvents.countDocuments({ mailId: gone!.id });
		expect(eventsBefore).toBe(2);

		const purged = await purgeMail(now);
		expect(purged.mails).toBeGreaterThanOrEqual(2);
		const all = await listOutbox(1_000);
		const text = (subject: string) => all.find((m) => m.subject === subject)?.text;
		expect(text(sent6)).toBe(`Hallo, ${sent6}`);
		expect(text(sent8)).toBe('');
		expect(text(sent91)).toBeUndefined();
		expect(text(failed8)).toBe(`Hallo, ${failed8}`);
		expect(text(failed31)).toBe('');
		expect(text(failed181)).toBeUndefined();
		expect(await (await db()).mailEvents.countDocuments({ mailId: gone!.id })).toBe(0);

		// Idempotent.
		expect(await purgeMail(now)).toEqual({ texts: 0, mails: 0 });
	});
});
