import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/auth/safe-callback';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeCallbackUrl('/paper?tab=orders')).toBe('/paper?tab=orders');
  });
  it.each([['https://evil.example/'], ['//evil.example'], ['/\\evil.example'], ['javascript:alert(1)'], ['/sign-in'], ['/api/v1/me'], [42], [undefined], ['/a\nb']])(
    'refuses %s',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/dashboard');
    },
  );
});
