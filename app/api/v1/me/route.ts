import { otherMethods, withUser } from '@/lib/http/route';

export const GET = withUser({}, async ({ user }) => ({
  data: { user: { id: user.id, email: user.email, name: user.name, role: user.role } },
}));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
