// Only the app-wide link's words: the frame loads them on every screen, the rest of the feature's strings load with its screens.
import { addTranslations } from '../../i18n';
import es from './i18n/nav.es-MX.json';
import en from './i18n/nav.en.json';

addTranslations({ 'es-MX': es, en });
