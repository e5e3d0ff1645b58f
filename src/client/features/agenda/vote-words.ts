import type { TFunction } from 'i18next';
import type { AgendaValidation } from '../../../domain';
import './strings';

/** What a recorded vote on the Agenda says: the version's number, the result and the counts. */
export function voteWords(
  v: Pick<AgendaValidation, 'agendaVersionId' | 'approved' | 'votes'>,
  numberOf: Map<string, number>,
  t: TFunction,
) {
  return {
    number: numberOf.get(v.agendaVersionId) ?? '?',
    result: t(v.approved ? 'agenda.validation.resultApproved' : 'agenda.validation.resultRejected'),
    for: v.votes.for,
    against: v.votes.against,
    abstain: v.votes.abstain,
  };
}
