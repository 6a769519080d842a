import { defineConfig } from 'drizzle-kit';

// Generation needs no database; `npm run db:migrate` applies the SQL with the app's own client.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
