import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`; migrations run on lib/db/migrate (WebAssembly engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
