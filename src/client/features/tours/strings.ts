/** The tours feature's strings (the thematic areas of the notes on its map come from ui/vocabulary). */
import { addTranslations } from '../../i18n';
import '../../ui/vocabulary/strings';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
