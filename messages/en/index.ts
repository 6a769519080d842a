// The English catalogue, one file per area of the app; keys never repeat across files.
import admin from './admin.json';
import common from './common.json';

const messages = { ...common, ...admin };
export default messages;
