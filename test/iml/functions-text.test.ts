import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REGEX_TIMEOUT_MS } from '../../sdk/iml';
import { UNKNOWN_MIME_TYPE } from '../../sdk/iml/functions/mime';
import { ev, imlErrorOf } from './helpers';

describe('case and whitespace', () => {
  it('treats missing values as empty text', () => {
    expect(ev('{{ lower(nothing) }}')).toBe('');
    expect(ev('{{ upper(null) }}')).toBe('');
    expect(ev('{{ trim(nothing) }}')).toBe('');
  });

  it('converts numbers to text first', () => {
    expect(ev('{{ upper(12) }}')).toBe('12');
    expect(ev('{{ capitalize(true) }}')).toBe('True');
  });

  it('start-cases every word', () => {
    expect(ev("{{ startcase('  mIxed   CASE words ') }}")).toBe('  Mixed   Case Words ');
  });
});

describe('searching', () => {
  it('finds positions from a start index, -1 when absent', () => {
    expect(ev("{{ indexOf('banana', 'a', 2) }}")).toBe(3);
    expect(ev("{{ indexOf('banana', 'x') }}")).toBe(-1);
  });

  it('takes substrings without an end', () => {
    expect(ev("{{ substring('Hello', 2) }}")).toBe('llo');
  });

  it('tests text and arrays for containment, optionally ignoring case', () => {
    expect(ev("{{ contains('Hello', 'HELL') }}")).toBe(false);
    expect(ev("{{ contains('Hello', 'HELL', true) }}")).toBe(true);
    expect(ev("{{ contains(list, 'b') }}", { list: ['a', 'b'] })).toBe(true);
    expect(ev('{{ contains(list, 2) }}', { list: [1, 2] })).toBe(true);
    expect(ev("{{ contains(list, '2') }}", { list: [1, 2] })).toBe(false);
    expect(ev("{{ contains(list, 'B', true) }}", { list: ['a', 'b'] })).toBe(true);
  });

  it('gives lengths of text, arrays, binaries, collections and nothing', () => {
    expect(ev('{{ length(list) }}', { list: [1, 2, 3] })).toBe(3);
    expect(ev("{{ length(toBinary('héllo')) }}")).toBe(6);
    expect(ev('{{ length(obj) }}', { obj: { a: 1, b: 2 } })).toBe(2);
    expect(ev('{{ length(nothing) }}')).toBe(0);
  });
});

describe('replace', () => {
  it('replaces every occurrence of plain text, with $ kept literally', () => {
    expect(ev("{{ replace('a.b.c', '.', '$') }}")).toBe('a$b$c');
  });

  it('takes /regex/flags with capture groups in the replacement', () => {
    expect(ev("{{ replace('John Smith', '/(\\w+) (\\w+)/', '$2 $1') }}")).toBe('Smith John');
    expect(ev("{{ replace('aAa', '/a/gi', 'b') }}")).toBe('bbb');
    expect(ev("{{ replace('aAa', '/a/', 'b') }}")).toBe('bAa');
  });

  it('replaces with nothing when the replacement is empty', () => {
    expect(ev("{{ replace('a-b', '-', nothing) }}")).toBe('ab');
  });

  it('fails a runaway regular expression with an ImlError instead of hanging', () => {
    const error = imlErrorOf(() => ev("{{ replace('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'; '/(a+)+$/'; 'x') }}"));
    expect(error.detail).toBe(`function 'replace' failed: the regular expression /(a+)+$/ ran longer than ${REGEX_TIMEOUT_MS} ms`);
    expect(error.position).toBe(3);
  });

  it('runs the next regular expression normally after one timed out', () => {
    imlErrorOf(() => ev("{{ replace('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '/(a+)+$/', 'x') }}"));
    expect(ev("{{ replace('a1b22', '/\\d+/g', '#') }}")).toBe('a#b#');
  });
});

// developers.make.com/custom-apps-documentation/block-elements/iml: "calling mime(picture.png) will return image/png".
describe('mime', () => {
  const cases: Array<[fileName: string, type: string | undefined]> = [
    ['picture.png', 'image/png'],
    ['scan.final.PDF', 'application/pdf'],
    ['exports/contrats.csv', 'text/csv'],
    ['C:\\docs\\letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['photo.jpeg', 'image/jpeg'],
    ['data.json', 'application/json'],
    ['jpg', 'image/jpeg'],
    ['.svg', 'image/svg+xml'],
    ['archive.unknownext', UNKNOWN_MIME_TYPE],
    ['README', UNKNOWN_MIME_TYPE],
    ['', undefined],
  ];
  it.each(cases)('%s', (fileName, type) => {
    expect(ev('{{ mime(fileName) }}', { fileName })).toBe(type);
  });

  it('gives undefined for a missing name', () => {
    expect(ev('{{ mime(nothing) }}')).toBeUndefined();
  });
});

describe('split and join', () => {
  it('trims items and drops empty ones unless asked to keep them', () => {
    expect(ev("{{ split('a, b,, c', ',') }}")).toEqual(['a', 'b', 'c']);
    expect(ev("{{ split('a,,b', ',', true) }}")).toEqual(['a', '', 'b']);
  });

  it('joins with a comma by default and writes objects as JSON', () => {
    expect(ev('{{ join(list) }}', { list: ['a', 1, true] })).toBe('a,1,true');
    expect(ev("{{ join(list, ' | ') }}", { list: [{ a: 1 }, null] })).toBe('{"a":1} | ');
  });
});

describe('toString', () => {
  it('writes arrays comma-joined, collections as {object}, dates as ISO, buffers decoded', () => {
    expect(ev('{{ toString(list) }}', { list: ['a', 1] })).toBe('a,1');
    expect(ev('{{ toString(obj) }}', { obj: { a: 1 } })).toBe('{object}');
    expect(ev("{{ toString(parseDate('2020-01-02T03:04:05Z')) }}")).toBe('2020-01-02T03:04:05.000Z');
    expect(ev("{{ toString(toBinary('aGVsbG8=', 'base64')) }}")).toBe('hello');
    expect(ev("{{ toString(toBinary('hi'), 'hex') }}")).toBe('6869');
    expect(ev('{{ toString(nothing) }}')).toBe('');
  });
});

describe('encoding', () => {
  it('encodes and decodes URL components', () => {
    expect(ev("{{ encodeURL('ž/?=') }}")).toBe('%C5%BE%2F%3F%3D');
    expect(ev("{{ decodeURL('%C5%BE') }}")).toBe('ž');
    expect(imlErrorOf(() => ev("{{ decodeURL('%E0%A4%A') }}")).detail).toBe(
      "function 'decodeURL' failed: malformed URL encoding in '%E0%A4%A'",
    );
  });

  it('escapes and strips HTML', () => {
    expect(ev("{{ escapeHTML('a < b && c > d') }}")).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(ev("{{ stripHTML('a<br>b<script>alert(1)</script><style>p{}</style><i>c</i>') }}")).toBe('a\nbc');
  });

  it('removes non-ASCII characters, diacritics first when asked', () => {
    expect(ev("{{ ascii('Příliš žluťoučký') }}")).toBe('Pli luouk');
    expect(ev("{{ ascii('Příliš žluťoučký', true) }}")).toBe('Prilis zlutoucky');
  });

  it('converts to and from binary with an encoding', () => {
    expect(ev("{{ base64(toBinary('68656c6c6f', 'hex')) }}")).toBe('aGVsbG8=');
    expect(ev("{{ toBinary('aGk=', 'base64') }}")).toEqual(Buffer.from('hi'));
    expect(() => ev("{{ toBinary('x', 'klingon') }}")).toThrow("unknown encoding 'klingon'");
  });

  it('escapes Markdown', () => {
    expect(ev("{{ escapeMarkdown('# Title [link](url) `code`') }}")).toBe('\\# Title \\[link\\]\\(url\\) \\`code\\`');
  });

  it('replaces emoji, including skin tones, flags and joined sequences', () => {
    expect(ev("{{ replaceEmojiCharacters('a👨‍👩‍👧b🇨🇿c👋🏻d', '') }}")).toBe('abcd');
    expect(ev("{{ replaceEmojiCharacters('no emoji here: 123 #', '?') }}")).toBe('no emoji here: 123 #');
  });

  it('removes emoji when no replacement is given, as in the documented replaceEmojiCharacters (text)', () => {
    expect(ev("{{ replaceEmojiCharacters('ok 👍 done') }}")).toBe('ok  done');
  });
});

describe('hashes', () => {
  it('hashes with hex by default, base64 on request', () => {
    expect(ev("{{ sha1('abc') }}")).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(ev("{{ sha256('abc', 'base64') }}")).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });

  it('makes an HMAC with a key, in the key encoding given', () => {
    const expected = createHmac('sha256', 'key').update('abc').digest('hex');
    expect(ev("{{ sha256('abc', 'hex', 'key') }}")).toBe(expected);
    expect(ev("{{ sha256('abc', 'hex', '6b6579', 'hex') }}")).toBe(expected);
    expect(ev("{{ sha256('abc', 'hex', 'a2V5', 'base64') }}")).toBe(expected);
  });

  it('refuses unknown encodings', () => {
    expect(() => ev("{{ sha1('abc', 'octal') }}")).toThrow("unknown output encoding 'octal'");
    expect(() => ev("{{ sha1('abc', 'hex', 'k', 'rot13') }}")).toThrow("unknown key encoding 'rot13'");
  });
});

describe('replace with plain text', () => {
  it('replaces every occurrence, special characters taken literally', () => {
    expect(ev("{{replace('a.b.c', '.', '-')}}")).toBe('a-b-c');
    expect(ev("{{replace('1+1', '+', ' plus ')}}")).toBe('1 plus 1');
  });

  it('lets the replacement use $& for the match', () => {
    expect(ev("{{replace('aXbX', 'X', '[$&]')}}")).toBe('a[X]b[X]');
  });
});
