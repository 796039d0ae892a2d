import { z } from 'zod';
import { NewPasswordSchema, PASSWORD_MAX } from '@/lib/auth/password-policy';

const NO_CONTROL_CHARS = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

export const EmailSchema = z
  .string({ error: 'Enter your email address.' })
  .max(254, 'An email address has at most 254 characters.')
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.email('Enter a valid email address.'));

export const NameSchema = z
  .string({ error: 'Enter your name.' })
  .transform((value) => value.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'Enter your name.')
      .max(100, 'Use at most 100 characters.')
      .regex(NO_CONTROL_CHARS, 'Remove control characters from your name.'),
  );

export const RegisterSchema = z.strictObject({
  email: EmailSchema,
  password: NewPasswordSchema,
  name: NameSchema,
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

/** Sign-in accepts anything bounded: telling "malformed" from "wrong" would leak nothing useful. */
export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const ChangePasswordSchema = z
  .strictObject({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password.' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });
