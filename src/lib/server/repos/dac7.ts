// PStTG / DAC7 records (issue 16 item 7): the sellers' tax data and the operator's setting as
// insert-only logs (server/logs, `<stream>:<number>`), the mails of the § 23 procedure under
// `<userId>:<kind>` (the insert is the claim and the § 24 record in one), and the legal hold of
// a deleted account's seller data. Nothing here is updated.
import type { Collection, Document } from 'mongodb';
import type {
	Dac7Settings,
	EntityIdentity,
	NoticeKind,
	SellerTaxData
} from '../../domain/tax/dac7';
import { getDb, insertUnique } from '../db';
import type { LogStore } from '../logs';
import { entryId } from './legal';

type SellerTaxDoc = SellerTaxData & { _id: string };

export interface StoredSettings extends Dac7Settings {
	seq: number;
	by: string;
	at: Date;
}

export interface Dac7Notice {
	userId: string;
	kind: NoticeKind;
	/** When the seller was first asked: the date the procedure counts from. */
	requestedAt: Date;
	at: Date;
}

async function collection<T extends Document>(name: string): Promise<Collection<T>> {
	return (await getDb()).collection<T>(name);
}

const SELLERS = 'dac7_seller_data';
const SETTINGS = 'dac7_settings';
const NOTICES = 'dac7_notices';
const HOLDS = 'dac7_holds';

function logStore<E extends object>(name: string, streamField: string): LogStore<E> {
	return {
		async insert(stream, seq, entry) {
			const doc = { ...entry, _id: entryId(stream, seq), [streamField]: stream, seq };
			return insertUnique(await collection<{ _id: string }>(name), doc as never);
		},
		async find(stream, seq) {
			const doc = await (
				await collection<{ _id: string }>(name)
			).findOne({
				_id: entryId(stream, seq)
			});
			if (!doc) return null;
			const { _id: _ignored, ...entry } = doc;
			return entry as E;
		}
	};
}

export const sellerTaxDataStore = logStore<SellerTaxData>(SELLERS, 'userId');
export const dac7SettingsStore = logStore<StoredSettings>(SETTINGS, 'stream');

/** Every seller's newest version (the report and the admin page: one read of a small collection). */
export async function latestSellerTaxData(): Promise<Map<string, SellerTaxData>> {
	const out = new Map<string, SellerTaxData>();
	for (const doc of await (await collection<SellerTaxDoc>(SELLERS)).find({}).toArray()) {
		const { _id: _ignored, ...data } = doc;
		const known = out.get(data.userId);
		if (!known || data.seq > known.seq) out.set(data.userId, data);
	}
	return out;
}

/** Records that the mail went out; false when it was recorded before (it is not sent again). */
export async function insertNotice(notice: Dac7Notice): Promise<boolean> {
	const result = await insertUnique(await collection<Dac7Notice & { _id: string }>(NOTICES), {
		_id: `${notice.userId}:${notice.kind}`,
		...notice
	});
	return result === 'inserted';
}

export async function listNotices(): Promise<Dac7Notice[]> {
	const docs = await (await collection<Dac7Notice & { _id: string }>(NOTICES)).find({}).toArray();
	return docs.map(({ _id: _ignored, ...notice }) => notice);
}

export async function noticesOf(userId: string): Promise<Dac7Notice[]> {
	const docs = await (
		await collection<Dac7Notice & { _id: string }>(NOTICES)
	)
		.find({ userId })
		.toArray();
	return docs.map(({ _id: _ignored, ...notice }) => notice);
}

/** A deleted account's seller data stays until `keepUntil` (§ 24 Abs. 3 PStTG). */
export async function insertHold(
	userId: string,
	keepUntil: Date,
	now: Date,
	trader: EntityIdentity | null
): Promise<void> {
	await insertUnique(
		await collection<{ _id: string; keepUntil: Date; at: Date; trader: EntityIdentity | null }>(
			HOLDS
		),
		{ _id: userId, keepUntil, at: now, trader }
	);
}

/** Deletes the seller data, mails and hold of every deleted account whose hold has ended. */
export async function purgeEndedHolds(now: Date): Promise<number> {
	const holds = await collection<{ _id: string; keepUntil: Date }>(HOLDS);
	const ended = await holds.find({ keepUntil: { $lte: now } }).toArray();
	for (const hold of ended) {
		await (await collection(SELLERS)).deleteMany({ userId: hold._id });
		await (await collection(NOTICES)).deleteMany({ userId: hold._id });
		await holds.deleteOne({ _id: hold._id });
	}
	return ended.length;
}
