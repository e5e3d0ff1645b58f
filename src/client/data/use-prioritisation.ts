/**
 * Prioritisation for screens (prioritisation.repository.ts): rounds, ballots
 * and live results, all on the device's own database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as prioritisation from './prioritisation.repository';

export type {
  BallotListItem,
  BallotProblem,
  BallotView,
  RoundInput,
  RoundRefusal,
  RoundResultView,
  RoundView,
  SessionRoundSummary,
  VoteInput,
} from './prioritisation.repository';
export { RoundRefusedError } from './prioritisation.repository';

export function useSessionRounds(sessionId: string): prioritisation.SessionRoundSummary[] | undefined {
  return useLiveQuery(() => prioritisation.listSessionRounds(getDb(), sessionId), [sessionId]);
}

export function useRound(id: string): prioritisation.RoundView | null | undefined {
  return useLiveQuery(() => prioritisation.getRound(getDb(), id), [id]);
}

/** Live result (round, its ballots, the session's attendance): for the results view only. */
export function useRoundResult(roundId: string): prioritisation.RoundResultView | null | undefined {
  return useLiveQuery(() => prioritisation.getRoundResult(getDb(), roundId), [roundId]);
}

export function useRoundBallots(roundId: string): prioritisation.BallotListItem[] | undefined {
  return useLiveQuery(() => prioritisation.listRoundBallots(getDb(), roundId), [roundId]);
}

/** How many ballot records the round has (cheap: an index count). */
export function useBallotCount(roundId: string): number | undefined {
  return useLiveQuery(() => prioritisation.countBallots(getDb(), roundId), [roundId]);
}

/** This device's latest board count of the round, while it still counts. */
export function useOwnTally(roundId: string): prioritisation.BallotView | null | undefined {
  return useLiveQuery(() => prioritisation.getOwnTally(getDb(), roundId), [roundId]);
}

/** The process's problems that may go on a ballot (not merged into another). */
export function useBallotProblems(processId: string): prioritisation.BallotProblem[] | undefined {
  return useLiveQuery(() => prioritisation.listBallotProblems(getDb(), processId), [processId]);
}

export const createRound = (sessionId: string, input: prioritisation.RoundInput) =>
  prioritisation.createRound(getDb(), sessionId, input);
/** Stores one private ballot; returns its id and number. Throws RoundRefusedError. */
export const castVote = (roundId: string, vote: prioritisation.VoteInput) =>
  prioritisation.castVote(getDb(), roundId, vote);
/** Board count (dot voting); pass the previous tally's id to recount. */
export const recordTally = (
  roundId: string,
  input: { dots: Record<string, number>; participants: number; supersedes?: string | null },
) => prioritisation.recordTally(getDb(), roundId, input);
export const annulBallot = (ballotId: string, reason: string) =>
  prioritisation.annulBallot(getDb(), ballotId, reason);
/** Closes the round, records the agreement in its session and moves the process to prioritisation. */
export const closeRound = (roundId: string, agreementText: string) =>
  prioritisation.closeRound(getDb(), roundId, agreementText);
