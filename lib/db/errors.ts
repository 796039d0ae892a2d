import { Prisma } from '@/prisma/generated/client';

/** True when a write failed on a unique constraint (Prisma P2002, or Postgres 23505 via a raw query). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}
