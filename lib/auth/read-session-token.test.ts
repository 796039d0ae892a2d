import { describe, expect, it } from 'vitest';
import { parseCookieHeader } from './read-session-token';

describe('parseCookieHeader', () => {
  it('reads name=value pairs, the first of a repeated name winning', () => {
    const jar = parseCookieHeader('authjs.session-token=abc.def; theme=dark;authjs.session-token=later');
    expect(jar.get('authjs.session-token')).toBe('abc.def');
    expect(jar.get('theme')).toBe('dark');
  });

  it('unquotes and percent-decodes values, keeping a value that does not decode', () => {
    const jar = parseCookieHeader('a="quoted"; b=x%3Dy; c=100%; d=');
    expect([...jar]).toEqual([['a', 'quoted'], ['b', 'x=y'], ['c', '100%'], ['d', '']]);
  });

  it('skips parts without a name and copes with no header at all', () => {
    expect([...parseCookieHeader('=nameless; ; flag')]).toEqual([]);
    expect(parseCookieHeader(null).size).toBe(0);
  });
});
