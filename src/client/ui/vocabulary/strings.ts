/** Words several features share: the 12 thematic areas, the severities of a problem, the stages of a process, the session types, the statuses of an agreement, why a change was refused, the kinds of record, and a territorial unit's key, name and "no directorate". */
import { addTranslations } from '../../i18n';
import es from './i18n/es-MX.json';
import en from './i18n/en.json';

addTranslations({ 'es-MX': es, en });
