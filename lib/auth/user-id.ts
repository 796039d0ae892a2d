declare const brand: unique symbol;

/** A user id that only lib/auth can mint, after checking a live session. */
export type UserId = string & { readonly [brand]: 'UserId' };

/** Only for lib/auth (session checks) and test fixtures that create users themselves. */
export function trustedUserId(id: string): UserId {
  return id as UserId;
}
