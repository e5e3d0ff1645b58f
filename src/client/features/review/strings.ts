/** The review feature's strings: the coordinators' review queue. */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
