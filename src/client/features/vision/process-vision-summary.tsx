import { useVisions } from '../../data/use-vision';
import { CountedRecordsSummary } from '../../ui/records-summary';
import './strings';

/** "Visión" on the process page: how many statements, and the way to the list and the form. */
export function ProcessVisionSummary({ processId }: { processId: string }) {
  const visions = useVisions(processId);
  return <CountedRecordsSummary kind="vision" processId={processId} count={visions?.length} />;
}
