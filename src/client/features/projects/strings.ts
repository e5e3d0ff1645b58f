/** The projects feature's strings (the thematic areas are in ui/vocabulary). */
import { addTranslations } from '../../i18n';
import '../../ui/vocabulary/strings';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
