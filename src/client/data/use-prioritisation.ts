/**
 * Prioritisation for screens: rounds (prioritisation.repository.ts), their
 * ballots and live results (ballots.repository.ts), all on the device's own
 * database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as ballots from './ballots.repository';
import * as prioritisation from './prioritisation.repository';
import { useDeviceRead } from './use-device-read';

export type {
  BallotListItem,
  BallotView,
  RoundResultView,
  SessionRoundSummary,
  VoteInput,
} from './ballots.repository';
export type { BallotProblem, RoundInput, RoundRefusal, RoundView } from './prioritisation.repository';
export { RoundRefusedError } from './prioritisation.repository';

export function useSessionRounds(sessionId: string): ballots.SessionRoundSummary[] | undefined {
  return useDeviceRead(ballots.listSessionRounds, sessionId);
}

export function useRound(id: string): prioritisation.RoundView | null | undefined {
  return useDeviceRead(prioritisation.getRound, id);
}

/** Live result (round, its ballots, the session's attendance): for the results view only. */
export function useRoundResult(roundId: string): ballots.RoundResultView | null | undefined {
  return useDeviceRead(ballots.getRoundResult, roundId);
}

/** The round's latest `limit` ballots (every one when `limit` is null), and how many earlier ones are not listed. */
export function useLatestBallots(
  roundId: string,
  limit: number | null,
): { items: ballots.BallotListItem[]; hidden: number } | undefined {
  return useLiveQuery(
    () =>
      limit === null
        ? ballots.listRoundBallots(getDb(), roundId).then((items) => ({ items, hidden: 0 }))
        : ballots.listLatestBallots(getDb(), roundId, limit),
    [roundId, limit],
  );
}

/** How many ballot records the round has (cheap: an index count). */
export function useBallotCount(roundId: string): number | undefined {
  return useDeviceRead(ballots.countBallots, roundId);
}

/** This device's latest board count of the round, while it still counts. */
export function useOwnTally(roundId: string): ballots.BallotView | null | undefined {
  return useDeviceRead(ballots.getOwnTally, roundId);
}

/** The process's problems that may go on a ballot (not merged into another). */
export function useBallotProblems(processId: string): prioritisation.BallotProblem[] | undefined {
  return useDeviceRead(prioritisation.listBallotProblems, processId);
}

export const createRound = (sessionId: string, input: prioritisation.RoundInput) =>
  prioritisation.createRound(getDb(), sessionId, input);
/** Stores one private ballot; returns its id and number. Throws RoundRefusedError. */
export const castVote = (roundId: string, vote: ballots.VoteInput) =>
  ballots.castVote(getDb(), roundId, vote);
/** Board count (dot voting); pass the previous tally's id to recount. */
export const recordTally = (
  roundId: string,
  input: { dots: Record<string, number>; participants: number; supersedes?: string | null },
) => ballots.recordTally(getDb(), roundId, input);
export const annulBallot = (ballotId: string, reason: string) =>
  ballots.annulBallot(getDb(), ballotId, reason);
/** Closes the round, records the agreement in its session and moves the process to prioritisation. */
export const closeRound = (roundId: string, agreementText: string) =>
  prioritisation.closeRound(getDb(), roundId, agreementText);
