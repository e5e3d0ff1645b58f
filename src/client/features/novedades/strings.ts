/** The novedades feature's strings: what the office changed that the field cares about. */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
