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
  status                  list applied, pending and failed migrations (exit 1 if any failed)
  create NAME             write a new migration for the changes in prisma/schema.prisma
  drift                   print the SQL the schema needs beyond the migrations (exit 1 if any)
  mark-rolled-back NAME   mark a failed migration rolled back so that it runs again`;

type Command =
  | { kind: 'migrate' | 'status' | 'drift' }
  | { kind: 'create'; name: string }
  | { kind: 'mark-rolled-back'; migrationName: string };

type Outcome = { ok: boolean; lines: string[] };

function parseCommand([command, arg, ...rest]: string[]): Command | null {
  if (rest.length > 0) return null;
  if ((command === 'migrate' || command === 'status' || command === 'drift') && arg === undefined) {
    return { kind: command };
  }
  if (command === 'create' && arg) return { kind: 'create', name: arg };
  if (command === 'mark-rolled-back' && arg) return { kind: 'mark-rolled-back', migrationName: arg };
  return null;
}

async function run(command: Command): Promise<Outcome> {
  const adapterFactory = dbAdapterFactory();
  switch (command.kind) {
    case 'migrate': {
      const { applied } = await applyPendingMigrations({ adapterFactory });
      if (applied.length === 0) return { ok: true, lines: ['No pending migrations.'] };
      return { ok: true, lines: [`Applied ${applied.length}:`, ...bullets(applied)] };
    }
    case 'status': {
      const { applied, pending, failed } = await migrationStatus({ adapterFactory });
      const failedLines = failed.length > 0 ? [`Failed (${failed.length}):`, ...bullets(failed)] : [];
      return {
        ok: failed.length === 0,
        lines: [`Applied (${applied.length}):`, ...bullets(applied), `Pending (${pending.length}):`, ...bullets(pending), ...failedLines],
      };
    }
    case 'create': {
      const result = await createMigration({ adapterFactory, name: command.name });
      return { ok: true, lines: [result.dir ? `Created ${result.dir}` : 'The schema has no changes; nothing created.'] };
    }
    case 'drift': {
      const sql = await schemaDrift({ adapterFactory });
      if (sql === '') return { ok: true, lines: ['No drift: the migrations produce prisma/schema.prisma.'] };
      return { ok: false, lines: ['Drift: the schema needs this SQL beyond the migrations:', '', sql.trimEnd()] };
    }
    case 'mark-rolled-back': {
      await markMigrationRolledBack({ adapterFactory, migrationName: command.migrationName });
      return { ok: true, lines: [`Marked ${command.migrationName} rolled back.`] };
    }
  }
}

function bullets(names: string[]): string[] {
  return names.length === 0 ? ['  (none)'] : names.map((name) => `  ${name}`);
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  try {
    console.log(`Database: ${dbMode()}`);
    const outcome = await run(command);
    if (outcome.ok) console.log(outcome.lines.join('\n'));
    else console.error(outcome.lines.join('\n'));
    return outcome.ok ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    return 1;
  } finally {
    await disconnectDb();
  }
}

process.exitCode = await main();
