/** The problems feature's strings (also the labels of the 12 thematic areas other features reuse). */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
