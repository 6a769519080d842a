// The Russian catalogue, in the same files and keys as the English one.
import admin from './admin.json';
import commitments from './commitments.json';
import common from './common.json';
import dashboard from './dashboard.json';
import validation from './validation.json';

const messages = { ...common, ...admin, ...dashboard, ...commitments, ...validation };
export default messages;
