/** The processes feature's strings: the list, the process page, stages, team and Planning Collective (stage names and session types are in ui/vocabulary). */
import { addTranslations } from '../../i18n';
import '../../ui/vocabulary/strings';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
