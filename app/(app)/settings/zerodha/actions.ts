'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authAction } from '@/lib/http/action';
import { disconnectKite, removeKiteApp } from '@/lib/kite/connect';
import { saveKiteApp } from '@/lib/kite/credentials';
import { SaveKiteAppSchema } from '@/lib/kite/schemas';

export const saveKiteAppAction = authAction('kite-save-app', SaveKiteAppSchema, async ({ input, user }) => {
  await saveKiteApp({ userId: user.id, apiKey: input.api_key, apiSecret: input.api_secret });
  revalidatePath('/settings');
  return { status: 'success', message: 'Kite app saved. The api_secret is stored encrypted and will not be shown again. Now press "Connect Zerodha".' };
});

export const disconnectKiteAction = authAction('kite-disconnect', z.object({}), async ({ user }) => {
  await disconnectKite({ userId: user.id });
  revalidatePath('/settings');
  revalidatePath('/portfolio');
  return { status: 'success', message: 'Disconnected from Zerodha. The access token was deleted.' };
});

export const removeKiteAppAction = authAction('kite-remove-app', z.object({}), async ({ user }) => {
  await removeKiteApp({ userId: user.id });
  revalidatePath('/settings');
  revalidatePath('/portfolio');
  return { status: 'success', message: 'Kite app removed. Its api_key and api_secret were deleted.' };
});
