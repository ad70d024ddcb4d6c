// The stored shapes of the Bürgerbudget (services/participation): each round's insert-only log
// (opened, changed, phases ended early, proposals, comments, assessments) and each member's
// ballots in a round, also insert-only. Split from collections.ts, which spreads them in.
import type { Db } from 'mongodb';
import type { RoundEntry } from '../../domain/participation/round';

/** One entry of a round's log: `_id` is `<roundId>:<n, 4 digits>`, so entry n+1 is taken by
 * exactly one writer. */
export type ParticipationRoundLogDoc = RoundEntry & {
	_id: string;
	roundId: string;
	quarterId: string;
	n: number;
};

/** Ballot `n` of one member in one round: `_id` is `<roundId>:<userId>:<n, 4 digits>`; the
 * latest number before the vote ended counts, so a ballot sent twice at once counts once. */
export interface ParticipationBallotDoc {
	_id: string;
	roundId: string;
	quarterId: string;
	userId: string;
	n: number;
	choice: string[];
	at: Date;
}

export function participationCollections(db: Db) {
	return {
		participationRoundLog: db.collection<ParticipationRoundLogDoc>('participation_round_log'),
		participationBallots: db.collection<ParticipationBallotDoc>('participation_ballots')
	};
}
