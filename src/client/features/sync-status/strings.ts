/** Strings of the sync page that the frame does not need: importing a file of unsynced changes (the rest of the sync page's words are in the core file, for the header). */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
