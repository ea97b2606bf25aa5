// L-7: the character encoding of an imported CSV file. UTF-8 (with or without a byte order mark),
// UTF-16 with a byte order mark, and Windows-1252 / ISO-8859-1, which older Nordic systems and
// Excel's "CSV" still write; anything else is refused rather than stored as "G�ran �str�m".
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../errors.ts';

/** The encodings an import reads, named as the dry run reports them. */
export type TextEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252' | 'ISO-8859-1';

/** A decoder fed the file a slice at a time: a character split between two slices comes out whole. */
export type TextDecoder = { write(bytes: Buffer): string; end(): string };

const ICONV: Record<TextEncoding, string> = {
  'UTF-8': 'utf8',
  'UTF-8 with BOM': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  // identical for every byte ISO-8859-1 has as a letter; 0x80–0x9F are € “ ” – … in Windows-1252
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
};

/** How much of the file chardet looks at, and the control characters are looked for in. */
const HEAD = 64 * 1024;
/** chardet's names of the encodings read here as Windows-1252. */
const LATIN = new Set(['ISO-8859-1', 'windows-1252']);
/** Bytes Windows-1252 leaves undefined: in a text they mean another encoding. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const refuse = (reason: string) =>
  new AppError(
    'FILE_ENCODING',
    `The file is not text in UTF-8, UTF-16 or Windows-1252 (ISO-8859-1): ${reason}. Save it as "CSV UTF-8" and import it again.`,
    {
      fields: { file: `cannot be decoded: ${reason}` },
    },
  );

/** A control character that text does not hold (NUL anywhere; in a single-byte file also the C0 controls other than tab, line breaks and the old end-of-file mark). */
function controlCharacter(text: string, strict: boolean): number {
  if (!strict) return text.includes('\u0000') ? 0 : -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // tab, line feed, vertical tab, form feed, carriage return (9–13) and the end-of-file mark (26) are text
    if (code === 0x7f || (code < 0x20 && !(code >= 0x09 && code <= 0x0d) && code !== 0x1a)) return code;
  }
  return -1;
}

/** The reason a NUL or control character gives for refusing the file. */
export const controlReason = (code: number) =>
  code === 0
    ? 'it holds NUL characters (UTF-16 or UTF-32 without a byte order mark, or a binary file)'
    : 'it holds control characters, as a binary file does';

/** Refuses a file that holds a NUL character after its head (seen while it is read). */
export const nulInText = () => refuse(controlReason(0));

/**
 * The encoding of a CSV file: its byte order mark, else UTF-8 when every byte sequence is valid
 * UTF-8, else Windows-1252 unless the bytes say otherwise (a NUL or control character, as in UTF-16
 * without a byte order mark or a binary file; a byte Windows-1252 does not define; or what chardet
 * finds far likelier, such as Shift_JIS or the Polish windows-1250). Throws FILE_ENCODING.
 */
export function detectEncoding(data: Buffer): TextEncoding {
  const head = data.subarray(0, HEAD);
  let encoding: TextEncoding;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) encoding = 'UTF-8 with BOM';
  else if (data[0] === 0xff && data[1] === 0xfe) encoding = 'UTF-16LE';
  else if (data[0] === 0xfe && data[1] === 0xff) encoding = 'UTF-16BE';
  else if (isUtf8(data)) encoding = 'UTF-8';
  else {
    const matches = chardet.analyse(head);
    const top = matches[0];
    const latin = Math.max(0, ...matches.filter((match) => LATIN.has(match.name)).map((match) => match.confidence));
    // chardet is unsure between the single-byte encodings of short texts (Danish often scores as
    // Turkish, text with € as Baltic): only a far likelier other encoding refuses the file
    if (top && !LATIN.has(top.name) && latin * 2 < top.confidence) throw refuse(`it looks like ${top.name}`);
    const undefinedByte = head.find((byte) => UNDEFINED_1252.has(byte));
    if (undefinedByte !== undefined) throw refuse(`byte 0x${undefinedByte.toString(16)} is not a character of Windows-1252`);
    encoding = head.some((byte) => byte >= 0x80 && byte <= 0x9f) ? 'windows-1252' : 'ISO-8859-1';
  }
  if (encoding === 'UTF-8 with BOM' && !isUtf8(data)) throw refuse('it starts with the UTF-8 byte order mark, but is not UTF-8');
  const code = controlCharacter(iconv.decode(head, ICONV[encoding]), encoding === 'windows-1252' || encoding === 'ISO-8859-1');
  if (code >= 0) throw refuse(controlReason(code));
  return encoding;
}

/** A streaming decoder for the encoding; a byte order mark is dropped. */
export function textDecoder(encoding: TextEncoding): TextDecoder {
  const decoder = iconv.getDecoder(ICONV[encoding], { stripBOM: true });
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

/** The text of the start of a file (for the header line), decoded on its own. */
export function decodeHead(data: Buffer, encoding: TextEncoding, bytes: number): string {
  const decoder = textDecoder(encoding);
  return decoder.write(data.subarray(0, bytes)) + decoder.end();
}

/** About how many lines the file has (for progress): line feeds, counted as the encoding writes them. */
export function countLines(data: Buffer, encoding: TextEncoding): number {
  const wide = encoding === 'UTF-16LE' || encoding === 'UTF-16BE';
  const feed = wide ? (encoding === 'UTF-16LE' ? Buffer.from([10, 0]) : Buffer.from([0, 10])) : Buffer.from([10]);
  let lines = 0;
  for (let at = data.indexOf(feed); at !== -1; at = data.indexOf(feed, at + 1)) if (!wide || at % 2 === 0) lines += 1;
  const endsWithFeed = data.length >= feed.length && data.subarray(data.length - feed.length).equals(feed);
  return data.length > (wide ? 2 : 0) && !endsWithFeed ? lines + 1 : lines;
}
