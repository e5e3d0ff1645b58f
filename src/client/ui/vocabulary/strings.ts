/** Words several features share: the 12 thematic areas and the severities of a problem. */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
