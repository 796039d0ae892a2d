// Nothing here loads the WebAssembly engine: the web server imports this module, and the engine is
// instantiated on the first call that needs it.
export { applyPendingMigrations } from './apply-pending-migrations';
export { createMigration } from './create-migration';
export { markMigrationRolledBack } from './mark-migration-rolled-back';
export { MigrationError } from './migration-error';
export { migrationStatus, type MigrationStatus } from './migration-status';
export type { MigrateOptions } from './migrate-options';
export { schemaDrift } from './schema-drift';
