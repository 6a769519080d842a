// The Kazakh catalogue (Cyrillic), in the same files and keys as the English one.
import admin from './admin.json';
import briefing from './briefing.json';
import commitments from './commitments.json';
import common from './common.json';
import dashboard from './dashboard.json';
import imports from './imports.json';
import notifications from './notifications.json';
import validation from './validation.json';

const messages = { ...common, ...admin, ...dashboard, ...briefing, ...commitments, ...imports, ...notifications, ...validation };
export default messages;
