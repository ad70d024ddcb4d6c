// What the Bürgerbudget pages show of a round and its proposals: plain data, dates as strings.
// Names of authors are resolved here; a ballot never leaves the service except to its member.
import {
	feasibleProposals,
	type Phase,
	type Proposal,
	type Round
} from '../../../domain/participation/round';
import { insertPhoto } from '../../repos/photos';
import type { Quarter } from '../../repos/quarters';
import { newId } from '../../ids';
import { processPhoto, type ProcessedPhoto } from '../../photos';
import { displayNames } from '../members';
import { participation } from './index';

export interface RoundCard {
	id: string;
	title: string;
	phase: Phase;
	minutes: number | null;
	cents: number | null;
	proposalsFrom: string;
	checkFrom: string;
	voteFrom: string;
	voteUntil: string;
	linesUntil: string;
	proposals: number;
	feasible: number;
}

export function roundCard(quarter: Quarter, round: Round, now: Date): RoundCard {
	return {
		id: round.id,
		title: round.title,
		phase: participation.phase(quarter, round, now),
		minutes: round.minutes,
		cents: round.cents,
		proposalsFrom: round.proposalsFrom,
		checkFrom: round.checkFrom,
		voteFrom: round.voteFrom,
		voteUntil: round.voteUntil,
		linesUntil: round.linesUntil,
		proposals: round.proposals.length,
		feasible: feasibleProposals(round).length
	};
}

export interface ProposalCard {
	id: string;
	title: string;
	what: string;
	who: string;
	minutes: number | null;
	cents: number | null;
	photoId: string | null;
	authorName: string;
	mine: boolean;
	at: string;
	assessment: { feasible: boolean; reason: string } | null;
	comments: number;
}

/** The round's proposals as cards, oldest first, with their authors' names. */
export async function proposalCards(
	round: Round,
	viewerId: string | null
): Promise<ProposalCard[]> {
	const names = await displayNames(round.proposals.map((p) => p.authorId));
	return round.proposals.map((p) => proposalCard(p, names, viewerId));
}

export function proposalCard(
	p: Proposal,
	names: Map<string, string>,
	viewerId: string | null
): ProposalCard {
	return {
		id: p.id,
		title: p.title,
		what: p.what,
		who: p.who,
		minutes: p.minutes,
		cents: p.cents,
		photoId: p.photoId,
		authorName: names.get(p.authorId) ?? '—',
		mine: p.authorId === viewerId,
		at: p.at.toISOString(),
		assessment: p.assessment
			? { feasible: p.assessment.feasible, reason: p.assessment.reason }
			: null,
		comments: p.comments.length
	};
}

/** A proposal's photo, checked and resized like a listing's (nothing stored yet). */
export function readProposalPhoto(file: Blob): ReturnType<typeof processPhoto> {
	return processPhoto(file);
}

/** A new photo id (the proposal names it before the photo is stored). */
export function newPhotoId(): string {
	return newId();
}

/** Stores a checked photo, owned by the member who proposed. */
export async function storeProposalPhoto(
	id: string,
	photo: ProcessedPhoto,
	quarterId: string,
	userId: string,
	now: Date
): Promise<void> {
	await insertPhoto({
		id,
		ownerId: userId,
		quarterId,
		full: photo.full,
		thumb: photo.thumb,
		createdAt: now
	});
}
