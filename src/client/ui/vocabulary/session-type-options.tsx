import { SESSION_TYPES } from '../../../domain';
import { VocabularyOptions } from './vocabulary-options';

/** The options of a session-type select: first an empty one that asks to choose, then every type by its name. */
export function SessionTypeOptions({ placeholder }: { placeholder: string }) {
  return <VocabularyOptions placeholder={placeholder} values={SESSION_TYPES} group="sessionTypes" />;
}
