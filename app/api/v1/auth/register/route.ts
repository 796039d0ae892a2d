import { registerUser } from '@/lib/auth/register';
import { RegisterSchema } from '@/lib/auth/schemas';
import { otherMethods, withPublic } from '@/lib/http/route';

export const POST = withPublic({ body: RegisterSchema, bodyLimit: 16 * 1024 }, async ({ body }) => {
  const user = await registerUser(body);
  return { status: 201, data: { user } };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
