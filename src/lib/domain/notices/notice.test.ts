import { describe, expect, it } from 'vitest';
import { noticeFacts } from './figures';
import { contentPath, locateContent } from './location';
import {
	applyEntry,
	checkComplaint,
	checkComplaintDecision,
	checkDecision,
	complaintDeadline,
	decisionDue,
	decisionsFor,
	emptyBook,
	queueOf,
	restricts,
	type DecisionInput,
	type NoticeBook,
	type NoticeEntry,
	type NoticeTargetType
} from './notice';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);

function book(
	opts: { type?: NoticeTargetType; email?: string | null; entries?: Partial<NoticeEntry>[] } = {}
): NoticeBook {
	const b = emptyBook();
	let seq = 0;
	const add = (e: NoticeEntry) => applyEntry(b, e);
	add({
		kind: 'notice',
		seq: ++seq,
		key: 'notice:n1',
		noticeId: 'n1',
		at: T0,
		target: { type: opts.type ?? 'listing', id: 'l1', url: '/q/nord/listings/l1', label: 'Sofa' },
		authorId: opts.type === 'conversation' ? null : 'author',
		explanation: 'Betrug',
		name: null,
		email: opts.email === undefined ? 'melder@beispiel.de' : opts.email,
		goodFaith: true,
		locale: 'de'
	});
	for (const e of opts.entries ?? []) {
		add({ noticeId: 'n1', seq: ++seq, key: `k${seq}`, at: at(seq), ...e } as NoticeEntry);
	}
	return b;
}

const removal: Partial<NoticeEntry> = {
	kind: 'decision',
	by: 'modA',
	decision: 'remove',
	ground: { type: 'law', code: 'fraud' },
	facts: 'Vorkasse-Betrug',
	affectedId: 'author'
};
const keep: Partial<NoticeEntry> = {
	kind: 'decision',
	by: 'modA',
	decision: 'keep',
	ground: null,
	facts: 'Nicht rechtswidrig',
	affectedId: null
};
const authorComplaint: Partial<NoticeEntry> = {
	kind: 'complaint',
	party: 'author',
	reasons: 'Das stimmt nicht'
};
const notifierComplaint: Partial<NoticeEntry> = {
	kind: 'complaint',
	party: 'notifier',
	reasons: 'Doch rechtswidrig'
};

describe('which decision restricts, and what fits a target', () => {
	it.each([
		['keep', false],
		['restrict', true],
		['remove', true],
		['suspend', true]
	] as const)('%s restricts: %s', (kind, expected) => {
		expect(restricts(kind)).toBe(expected);
	});

	it.each([
		['listing', ['keep', 'restrict', 'remove', 'suspend']],
		['member', ['keep', 'suspend']],
		['conversation', ['keep', 'suspend']]
	] as const)('a %s may be met with %j', (type, kinds) => {
		expect(decisionsFor(type)).toEqual(kinds);
	});
});

describe('first decision', () => {
	const input = (over: Partial<DecisionInput>): DecisionInput => ({
		by: 'modA',
		moderator: true,
		decision: 'remove',
		ground: { type: 'law', code: 'fraud' },
		facts: 'Vorkasse-Betrug',
		affectedId: 'author',
		...over
	});
	it.each<[string, NoticeBook, Partial<DecisionInput>, string | null]>([
		['a moderator removes with ground and facts', book(), {}, null],
		[
			'a moderator keeps with facts only',
			book(),
			{ decision: 'keep', ground: null, affectedId: null },
			null
		],
		['a member is not quarter management', book(), { moderator: false }, 'not_allowed'],
		['decided once only', book({ entries: [removal] }), {}, 'decided_already'],
		['a measure needs a ground', book(), { ground: null }, 'ground_required'],
		['every decision needs facts', book(), { facts: '  ' }, 'facts_required'],
		['keep needs facts too', book(), { decision: 'keep', facts: '' }, 'facts_required'],
		[
			'a profile cannot be restricted, only its account',
			book({ type: 'member' }),
			{ decision: 'restrict' },
			'wrong_kind'
		],
		[
			'a conversation needs the member concerned',
			book({ type: 'conversation' }),
			{ decision: 'suspend', affectedId: null },
			'affected_required'
		],
		['nobody decides on their own content', book(), { by: 'author' }, 'own_content']
	])('%s', (_name, b, over, problem) => {
		expect(checkDecision(b.notices.get('n1'), input(over))).toBe(problem);
	});

	it('an unknown notice is not found', () => {
		expect(checkDecision(undefined, input({}))).toBe('not_found');
	});
});

describe('complaint window (six months) and deadlines', () => {
	it.each([
		['2026-03-01T10:00:00Z', '2026-09-01T10:00:00Z'],
		['2026-08-31T12:00:00Z', '2027-02-28T12:00:00Z'],
		['2027-08-31T12:00:00Z', '2028-02-29T12:00:00Z'],
		['2026-12-15T00:00:00Z', '2027-06-15T00:00:00Z']
	])('decided %s: contestable until %s', (decided, until) => {
		expect(complaintDeadline(new Date(decided)).toISOString()).toBe(new Date(until).toISOString());
	});

	it('a first decision is due seven days after the notice', () => {
		expect(decisionDue(T0)).toEqual(at(7));
	});
});

describe('who may complain', () => {
	const decided = (
		entry: Partial<NoticeEntry>,
		extra: Partial<NoticeEntry>[] = [],
		email?: string | null
	) => book({ entries: [entry, ...extra], email }).notices.get('n1');
	it.each<[string, ReturnType<typeof decided>, 'author' | 'notifier', Date, string | null]>([
		['the author contests a removal', decided(removal), 'author', at(10), null],
		['the notifier contests a removal', decided(removal), 'notifier', at(10), null],
		['the notifier contests a keep', decided(keep), 'notifier', at(10), null],
		[
			'the author has nothing to contest in a keep',
			decided(keep),
			'author',
			at(10),
			'nothing_to_contest'
		],
		[
			'an anonymous notifier got no mail and no link',
			decided(keep, [], null),
			'notifier',
			at(10),
			'nothing_to_contest'
		],
		['not before a decision', book().notices.get('n1'), 'author', at(1), 'not_decided'],
		['once per party', decided(removal, [authorComplaint]), 'author', at(10), 'complained_already'],
		['the other party still may', decided(removal, [authorComplaint]), 'notifier', at(10), null],
		['just inside six months', decided(removal), 'author', new Date('2026-09-03T09:59:59Z'), null],
		[
			'after six months',
			decided(removal),
			'author',
			new Date('2026-09-03T10:00:00Z'),
			'window_closed'
		]
	])('%s', (_name, state, party, now, problem) => {
		expect(checkComplaint(state, party, 'Gründe', now)).toBe(problem);
	});

	it('a complaint needs reasons', () => {
		expect(checkComplaint(decided(removal), 'author', ' ', at(10))).toBe('reasons_required');
	});
});

describe('complaint decision: four eyes, reversal', () => {
	const state = (entries: Partial<NoticeEntry>[]) => book({ entries }).notices.get('n1');
	const base = { moderator: true, reasons: 'Geprüft' };
	it.each<[string, Partial<NoticeEntry>[], Parameters<typeof checkComplaintDecision>[1], unknown]>([
		[
			'another moderator reverses a removal: it is lifted',
			[removal, authorComplaint],
			{ ...base, by: 'modB', party: 'author', outcome: 'reversed' },
			{ ok: true, decision: 'keep', ground: null, affectedId: 'author' }
		],
		[
			'another moderator upholds it: it stays',
			[removal, authorComplaint],
			{ ...base, by: 'modB', party: 'author', outcome: 'upheld' },
			{ ok: true, decision: 'remove', ground: { type: 'law', code: 'fraud' }, affectedId: 'author' }
		],
		[
			'the first moderator may not decide the complaint',
			[removal, authorComplaint],
			{ ...base, by: 'modA', party: 'author', outcome: 'reversed' },
			{ ok: false, problem: 'same_moderator' }
		],
		[
			'a member may not',
			[removal, authorComplaint],
			{ ...base, moderator: false, by: 'modB', party: 'author', outcome: 'reversed' },
			{ ok: false, problem: 'not_allowed' }
		],
		[
			'reasons are required',
			[removal, authorComplaint],
			{ ...base, reasons: '', by: 'modB', party: 'author', outcome: 'upheld' },
			{ ok: false, problem: 'reasons_required' }
		],
		[
			'no complaint, nothing to decide',
			[removal],
			{ ...base, by: 'modB', party: 'author', outcome: 'upheld' },
			{ ok: false, problem: 'not_found' }
		],
		[
			'reversing a keep needs the measure taken instead',
			[keep, notifierComplaint],
			{ ...base, by: 'modB', party: 'notifier', outcome: 'reversed' },
			{ ok: false, problem: 'wrong_kind' }
		],
		[
			'reversing a keep with a removal',
			[keep, notifierComplaint],
			{
				...base,
				by: 'modB',
				party: 'notifier',
				outcome: 'reversed',
				replacement: {
					decision: 'remove',
					ground: { type: 'rules', code: 'spam' },
					affectedId: 'author'
				}
			},
			{
				ok: true,
				decision: 'remove',
				ground: { type: 'rules', code: 'spam' },
				affectedId: 'author'
			}
		],
		[
			'the replacement needs a ground',
			[keep, notifierComplaint],
			{
				...base,
				by: 'modB',
				party: 'notifier',
				outcome: 'reversed',
				replacement: { decision: 'remove', ground: null, affectedId: 'author' }
			},
			{ ok: false, problem: 'ground_required' }
		],
		[
			'decided once',
			[
				removal,
				authorComplaint,
				{
					kind: 'complaintDecision',
					by: 'modB',
					party: 'author',
					outcome: 'upheld',
					reasons: 'x',
					decision: 'remove',
					ground: null,
					affectedId: 'author'
				}
			],
			{ ...base, by: 'modC', party: 'author', outcome: 'reversed' },
			{ ok: false, problem: 'decided_already' }
		],
		[
			'a third complaint decider must differ from both before',
			[
				keep,
				notifierComplaint,
				{
					kind: 'complaintDecision',
					by: 'modB',
					party: 'notifier',
					outcome: 'reversed',
					reasons: 'x',
					decision: 'remove',
					ground: { type: 'law', code: 'fraud' },
					affectedId: 'author'
				},
				authorComplaint
			],
			{ ...base, by: 'modB', party: 'author', outcome: 'reversed' },
			{ ok: false, problem: 'same_moderator' }
		]
	])('%s', (_name, entries, input, expected) => {
		expect(checkComplaintDecision(state(entries), input)).toEqual(expected);
	});

	it('a reversal changes what applies; the queue keeps complaints oldest first', () => {
		const b = book({
			entries: [
				removal,
				notifierComplaint,
				authorComplaint,
				{
					kind: 'complaintDecision',
					by: 'modB',
					party: 'author',
					outcome: 'reversed',
					reasons: 'x',
					decision: 'keep',
					ground: null,
					affectedId: 'author'
				}
			]
		});
		const s = b.notices.get('n1')!;
		expect(s.effective?.decision).toBe('keep');
		expect(s.deciders).toEqual(['modA', 'modB']);
		const queue = queueOf(b);
		expect(queue.open).toEqual([]);
		expect(queue.complaints.map((c) => c.complaint.complaint.party)).toEqual(['notifier']);
	});
});

describe('figures for the transparency report', () => {
	it('gives the transparency report one fact per notice, decision, complaint and outcome', () => {
		const b = book({
			entries: [
				removal,
				authorComplaint,
				{
					kind: 'complaintDecision',
					by: 'modB',
					party: 'author',
					outcome: 'reversed',
					reasons: 'x',
					decision: 'keep',
					ground: null,
					affectedId: 'author'
				}
			]
		});
		const facts = noticeFacts([b, emptyBook()]);
		expect(facts.map(({ source, kind }) => `${source}:${kind}`)).toEqual([
			'notices:listing',
			'notice_decisions:remove',
			'complaints:author',
			'complaint_outcomes:reversed'
		]);
		expect(facts[1]!.durationMs).toBe(2 * 86_400_000);
		expect(facts.filter((f) => f.durationMs !== undefined)).toHaveLength(1);
	});
});

describe('locating content', () => {
	it.each([
		[
			'https://quartiermarkt.example/q/nordstadt/listings/abc123',
			{ type: 'listing', quarterId: 'nordstadt', id: 'abc123' }
		],
		['/en/q/nordstadt/members/u1/', { type: 'member', quarterId: 'nordstadt', id: 'u1' }],
		['http://127.0.0.1:4421/messages/c9?x=1', { type: 'conversation', quarterId: null, id: 'c9' }],
		['/q/nordstadt', null],
		['https://example.com/anything', null],
		['', null]
	])('%s', (location, expected) => {
		expect(locateContent(location)).toEqual(expected);
	});

	it('builds the path back', () => {
		expect(contentPath('listing', 'nordstadt', 'abc')).toBe('/q/nordstadt/listings/abc');
		expect(contentPath('conversation', null, 'c9')).toBe('/messages/c9');
	});
});
