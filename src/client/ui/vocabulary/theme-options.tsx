import { THEMATIC_AREAS } from '../../../domain';
import { VocabularyOptions } from './vocabulary-options';

/** The options of a thematic-area select: first an empty one that asks to choose, then every area by its name. */
export function ThemeOptions({ placeholder }: { placeholder: string }) {
  return <VocabularyOptions placeholder={placeholder} values={THEMATIC_AREAS} group="themes" />;
}
