// T-5: which files may be attached. The declared type must be one we accept, and the first bytes
// must agree with it, so a renamed program (.exe as .pdf) is refused. Pure.

type Kind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole' | 'text';

/** Accepted types: what they must look like, and the file extensions that go with them. */
const TYPES: Record<string, { kind: Kind; extensions: string[] }> = {
  'application/pdf': { kind: 'pdf', extensions: ['pdf'] },
  'image/png': { kind: 'png', extensions: ['png'] },
  'image/jpeg': { kind: 'jpeg', extensions: ['jpg', 'jpeg'] },
  'image/gif': { kind: 'gif', extensions: ['gif'] },
  'image/webp': { kind: 'webp', extensions: ['webp'] },
  'text/plain': { kind: 'text', extensions: ['txt', 'text', 'log'] },
  'text/csv': { kind: 'text', extensions: ['csv'] },
  'message/rfc822': { kind: 'text', extensions: ['eml'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'zip', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'zip', extensions: ['xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'zip', extensions: ['pptx'] },
  'application/vnd.oasis.opendocument.text': { kind: 'zip', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'zip', extensions: ['ods'] },
  'application/vnd.oasis.opendocument.presentation': { kind: 'zip', extensions: ['odp'] },
  'application/zip': { kind: 'zip', extensions: ['zip'] },
  'application/msword': { kind: 'ole', extensions: ['doc'] },
  'application/vnd.ms-excel': { kind: 'ole', extensions: ['xls'] },
  'application/vnd.ms-powerpoint': { kind: 'ole', extensions: ['ppt'] },
  'application/vnd.ms-outlook': { kind: 'ole', extensions: ['msg'] },
};

/** Other names browsers and mail programs use for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
  'application/csv': 'text/csv',
  'text/x-csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
  'application/x-pdf': 'application/pdf',
};

/** Types that say nothing; the file extension then decides. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Never stored, whatever they claim to be: programs and scripts, and pages a browser would run. */
const BLOCKED_EXTENSIONS = new Set([
  'exe',
  'dll',
  'com',
  'bat',
  'cmd',
  'scr',
  'msi',
  'pif',
  'cpl',
  'jar',
  'js',
  'mjs',
  'vbs',
  'vbe',
  'wsf',
  'ps1',
  'sh',
  'app',
  'html',
  'htm',
  'xhtml',
  'svg',
  'hta',
  'lnk',
]);

export const ACCEPTED_TYPES = Object.keys(TYPES);

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** Whether the first bytes look like the kind of file. */
export function looksLike(kind: Kind, head: Uint8Array): boolean {
  switch (kind) {
    case 'pdf':
      // the header may follow a little junk, as readers allow within the first 1 KB
      return Buffer.from(head.subarray(0, 1024)).includes('%PDF-');
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'));
    case 'webp':
      return startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8);
    case 'zip':
      // local file header, or the end record of an empty archive (OOXML and OpenDocument are zips)
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
    case 'ole':
      // Compound File Binary: legacy Office documents and Outlook .msg
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'text':
      // text has no NUL bytes; programs (MZ, ELF) and other binaries do within the first KB
      return !head.subarray(0, 4096).includes(0);
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export type FileCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/**
 * T-5: decides whether a file may be attached and under which content type. The declared type
 * counts (a generic one such as application/octet-stream is replaced by the extension's type);
 * the file's first bytes must match it; program and script extensions are refused outright.
 */
export function checkFile(input: { fileName: string; declaredType: string; head: Uint8Array }): FileCheck {
  const extension = extensionOf(input.fileName);
  if (BLOCKED_EXTENSIONS.has(extension)) return { ok: false, reason: `.${extension} files cannot be attached` };
  let type = input.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  type = ALIASES[type] ?? type;
  // Windows browsers send .csv files as Excel files
  if (type === 'application/vnd.ms-excel' && extension === 'csv') type = 'text/csv';
  if (GENERIC.has(type)) {
    const byExtension = Object.entries(TYPES).find(([, t]) => t.extensions.includes(extension));
    if (!byExtension)
      return {
        ok: false,
        reason: `The type of "${input.fileName}" is unknown; accepted are PDF, images, text, CSV, Office, OpenDocument, zip and e-mail files`,
      };
    type = byExtension[0];
  }
  const accepted = TYPES[type];
  if (!accepted)
    return {
      ok: false,
      reason: `${type} files cannot be attached; accepted are PDF, images, text, CSV, Office, OpenDocument, zip and e-mail files`,
    };
  if (!looksLike(accepted.kind, input.head)) return { ok: false, reason: `The file's content is not ${type}` };
  return { ok: true, contentType: type };
}

/** A file name safe to store and to send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // control characters (Cc: C0, DEL, C1) and quotes would break headers and listings
  const cleaned = base.replace(/[\p{Cc}"]/gu, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'file';
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  return extension && extension.length < 20 ? `${cleaned.slice(0, 199 - extension.length)}.${extension}` : cleaned.slice(0, 200);
}

/** Content-Disposition for a download: an ASCII fallback name and the exact name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
