import 'server-only';
export { getDatabase, getDb } from '@/db/client';
