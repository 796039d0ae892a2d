/** Builds the standalone server unless a build newer than every source exists. Returns its path. */
export function ensureBuild(root: string): string;
