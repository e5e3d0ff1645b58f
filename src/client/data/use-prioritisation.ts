/**
 * Prioritisation for screens: rounds (prioritisation.repository.ts), their
 * ballots and live results (ballots.repository.ts), all on the device's own
 * database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as ballots from './ballots.repository';
import { boundCommand, liveRead } from './device-bindings';
import * as prioritisation from './prioritisation.repository';

export type {
  BallotListItem,
  BallotView,
  RoundResultView,
  SessionRoundSummary,
  VoteInput,
} from './ballots.repository';
export type { BallotProblem, RoundInput, RoundRefusal, RoundView } from './prioritisation.repository';
export { RoundRefusedError } from './prioritisation.repository';

export const useSessionRounds = liveRead(ballots.listSessionRounds);

export const useRound = liveRead(prioritisation.getRound);

/** Live result (round, its ballots, the session's attendance): for the results view only. */
export const useRoundResult = liveRead(ballots.getRoundResult);

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
export const useBallotCount = liveRead(ballots.countBallots);

/** This device's latest board count of the round, while it still counts. */
export const useOwnTally = liveRead(ballots.getOwnTally);

/** The process's problems that may go on a ballot (not merged into another). */
export const useBallotProblems = liveRead(prioritisation.listBallotProblems);

export const createRound = boundCommand(prioritisation.createRound);
/** Stores one private ballot; returns its id and number. Throws RoundRefusedError. */
export const castVote = boundCommand(ballots.castVote);
/** Board count (dot voting); pass the previous tally's id to recount. */
export const recordTally = boundCommand(ballots.recordTally);
export const annulBallot = boundCommand(ballots.annulBallot);
/** Closes the round, records the agreement in its session and moves the process to prioritisation. */
export const closeRound = boundCommand(prioritisation.closeRound);
