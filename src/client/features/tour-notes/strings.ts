/** The tour notes feature's strings (thematic areas and severities come from the problems feature). */
import { addTranslations } from '../../i18n';
import '../problems/strings';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
