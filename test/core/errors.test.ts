// The error classes and makeAPIError on their own, without a server: the message a log line gets from a
// server's answer, how long building it may take, and what each failure without a response carries.
import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../src/core/errors';

/** `unit` repeated to `kib` KiB. */
const pile = (unit: string, kib: number) => unit.repeat(Math.ceil((kib * 1024) / unit.length));

describe('snippetOf', () => {
  // Each size makes a scan that is quadratic in the body take minutes; the transport reads up to about 1 MB.
  it.each([
    ['unclosed "<"', pile('<', 256)],
    ['text and "<"', pile('a<', 256)],
    ['unclosed tags', pile('<a', 256)],
    ['unclosed comments', pile('<!--', 512)],
    ['closing tags without a ">"', pile('</script', 512)],
    ['unclosed scripts', pile('<script', 512)],
    ['styles with a wrong closing tag', pile('<style></styl', 1024)],
  ])('completes on a body of %s', (_name, body) => {
    expect(snippetOf(body).length).toBeLessThanOrEqual(201);
  });

  it('takes a "<" that opens no tag as text', () => {
    expect(snippetOf('limit must be < 10 and > 2')).toBe('limit must be < 10 and > 2');
  });

  it('drops a script or style up to its closing tag, whatever its case or spacing', () => {
    expect(snippetOf('<SCRIPT>track("x")</SCRIPT >Bad <Style type=x>b{}</style\n>Gateway')).toBe('Bad Gateway');
  });

  it('has no control characters: a body cannot drive a terminal or start a log line', () => {
    const snippet = snippetOf('<p>\u001b[2Jcleared\u0000\u0007\u007f\u0085\u009bnext</p>');
    expect(snippet).toBe('[2Jcleared next');
  });

  it('never cuts a surrogate pair in half', () => {
    const snippet = snippetOf(`${'a'.repeat(199)}😀 and more`);
    expect(snippet).toBe(`${'a'.repeat(199)}…`);
  });
});
