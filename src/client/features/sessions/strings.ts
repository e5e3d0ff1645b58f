/** The sessions feature's strings: the session form, attendance, agreements, place and follow-up (session types and agreement statuses are in ui/vocabulary). */
import { addTranslations } from '../../i18n';
import '../../ui/vocabulary/strings';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
