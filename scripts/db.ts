// Database schema commands on the configured database (DATABASE_URL, or the embedded PGlite in
// DATA_DIR): npx tsx --conditions=react-server scripts/db.ts <command>
import { dbAdapterFactory, dbMode, disconnectDb } from '@/lib/db/client';
import {
  applyPendingMigrations,
  createMigration,
  markMigrationRolledBack,
  migrationStatus,
  schemaDrift,
} from '@/lib/db/migrate';

const USAGE = `Usage: scripts/db.ts <command>
  migrate                 apply pending migrations from prisma/migrations
  status                  list applied, pending and failed migrations
  create NAME             write a new migration for the changes in prisma/schema.prisma
  drift                   print SQL the schema needs beyond the migrations (exit 1 if any)
  mark-rolled-back NAME   mark a failed migration rolled back so that it runs again`;

type Outcome = { ok: boolean; lines: string[] };

async function run(command: string | undefined, arg: string | undefined): Promise<Outcome> {
  const adapterFactory = dbAdapterFactory();
  switch (command) {
    case 'migrate': {
      const { applied } = await applyPendingMigrations({ adapterFactory });
      return {
        ok: true,
        lines: applied.length === 0 ? ['No pending migrations.'] : [`Applied ${applied.length}:`, ...bullets(applied)],
      };
    }
    case 'status': {
      const status = await migrationStatus({ adapterFactory });
      return {
        ok: status.failed.length === 0,
        lines: [
          `Applied (${status.applied.length}):`,
          ...bullets(status.applied),
          `Pending (${status.pending.length}):`,
          ...bullets(status.pending),
          ...(status.failed.length > 0 ? [`Failed (${status.failed.length}):`, ...bullets(status.failed)] : []),
        ],
      };
    }
    case 'create': {
      if (!arg) return { ok: false, lines: ['create needs a NAME', USAGE] };
      const result = await createMigration({ adapterFactory, name: arg });
      return { ok: true, lines: [result.dir ? `Created ${result.dir}` : 'The schema has no changes; nothing created.'] };
    }
    case 'drift': {
      const sql = await schemaDrift({ adapterFactory });
      if (sql === '') return { ok: true, lines: ['No drift: the migrations produce prisma/schema.prisma.'] };
      return { ok: false, lines: ['Drift: the schema needs this SQL beyond the migrations:', '', sql.trimEnd()] };
    }
    case 'mark-rolled-back': {
      if (!arg) return { ok: false, lines: ['mark-rolled-back needs a migration NAME', USAGE] };
      await markMigrationRolledBack({ adapterFactory, migrationName: arg });
      return { ok: true, lines: [`Marked ${arg} rolled back.`] };
    }
    default:
      return { ok: false, lines: [USAGE] };
  }
}

function bullets(names: string[]): string[] {
  return names.length === 0 ? ['  (none)'] : names.map((name) => `  ${name}`);
}

async function main(): Promise<number> {
  const [command, arg] = process.argv.slice(2);
  try {
    console.log(`Database: ${dbMode()}`);
    const outcome = await run(command, arg);
    (outcome.ok ? console.log : console.error)(outcome.lines.join('\n'));
    return outcome.ok ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    return 1;
  } finally {
    await disconnectDb();
  }
}

process.exitCode = await main();
