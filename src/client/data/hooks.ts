/** React hooks over live queries: components re-render when the data changes, in this tab or another. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Process, Session } from '../../domain';
import type { Account, RejectedChange, TequioDb } from './db';
import {
  getLive,
  listProcesses,
  listSessions,
  type ProcessView,
  type SessionView,
} from './entities.repository';

export function createHooks(getDb: () => TequioDb) {
  return {
    useProcesses(): ProcessView[] | undefined {
      return useLiveQuery(() => listProcesses(getDb()), []);
    },
    useProcess(id: string): ProcessView | null | undefined {
      return useLiveQuery(() => getLive<Process>(getDb(), 'processes', id), [id]);
    },
    useSessions(processId: string): SessionView[] | undefined {
      return useLiveQuery(() => listSessions(getDb(), processId), [processId]);
    },
    useSession(id: string): SessionView | null | undefined {
      return useLiveQuery(() => getLive<Session>(getDb(), 'sessions', id), [id]);
    },
    usePendingCount(): number {
      return useLiveQuery(() => getDb().outbox.count(), [], 0);
    },
    useRejectedChanges(): RejectedChange[] {
      return useLiveQuery(() => getDb().rejected.orderBy('key').reverse().toArray(), [], []);
    },
    useAccount(): Account | null | undefined {
      return useLiveQuery(async () => (await getDb().getMeta('account')) ?? null, []);
    },
    useLastSyncAt(): string | null {
      return useLiveQuery(async () => (await getDb().getMeta('lastSyncAt')) ?? null, [], null);
    },
  };
}
