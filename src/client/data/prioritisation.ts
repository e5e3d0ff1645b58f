/**
 * Prioritisation for the UI: rounds, ballots and live results, on the
 * device's own database (writes: prioritisation.repository.ts; reads: prioritisation.queries.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as repo from './prioritisation.repository';
import * as queries from './prioritisation.queries';

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

export const createRound = (sessionId: string, input: repo.RoundInput) =>
  repo.createRound(getDb(), sessionId, input);
/** Stores one private ballot; returns its id and number. Throws RoundRefusedError. */
export const castVote = (roundId: string, vote: repo.VoteInput) => repo.castVote(getDb(), roundId, vote);
/** Board count (dot voting); pass the previous tally's id to recount. */
export const recordTally = (
  roundId: string,
  input: { dots: Record<string, number>; participants: number; supersedes?: string | null },
) => repo.recordTally(getDb(), roundId, input);
export const annulBallot = (ballotId: string, reason: string) => repo.annulBallot(getDb(), ballotId, reason);
/** Closes the round, records the agreement in its session and moves the process to prioritisation. */
export const closeRound = (roundId: string, agreementText: string) =>
  repo.closeRound(getDb(), roundId, agreementText);

export function useSessionRounds(sessionId: string): repo.SessionRoundSummary[] | undefined {
  return useLiveQuery(() => queries.listSessionRounds(getDb(), sessionId), [sessionId]);
}

export function useRound(id: string): repo.RoundView | null | undefined {
  return useLiveQuery(() => queries.getRound(getDb(), id), [id]);
}

/** Live result (round, its ballots, the session's attendance): for the results view only. */
export function useRoundResult(roundId: string): repo.RoundResultView | null | undefined {
  return useLiveQuery(() => queries.getRoundResult(getDb(), roundId), [roundId]);
}

export function useRoundBallots(roundId: string): repo.BallotListItem[] | undefined {
  return useLiveQuery(() => queries.listRoundBallots(getDb(), roundId), [roundId]);
}

/** How many ballot records the round has (cheap: an index count). */
export function useBallotCount(roundId: string): number | undefined {
  return useLiveQuery(() => queries.countBallots(getDb(), roundId), [roundId]);
}

/** This device's latest board count of the round, while it still counts. */
export function useOwnTally(roundId: string): repo.BallotView | null | undefined {
  return useLiveQuery(() => queries.getOwnTally(getDb(), roundId), [roundId]);
}

/** The process's problems that may go on a ballot (not merged into another). */
export function useBallotProblems(processId: string): repo.BallotProblem[] | undefined {
  return useLiveQuery(() => queries.listBallotProblems(getDb(), processId), [processId]);
}
