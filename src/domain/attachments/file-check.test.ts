import { describe, expect, it } from 'vitest';
import { checkFile, cleanFileName, contentDisposition } from './file-check.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]);
const TEXT = bytes('Navn;Beløb\nØresund;1200\n');
const EML = bytes('From: kari@nordlys.no\r\nSubject: Tilbud\r\n\r\nHej');

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('checkFile (T-5)', () => {
  const accepted: [string, string, Uint8Array, string][] = [
    ['tilbud.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['logo.png', 'image/png', PNG, 'image/png'],
    ['foto.jpg', 'image/jpeg', JPEG, 'image/jpeg'],
    ['foto.jpg', 'image/jpg', JPEG, 'image/jpeg'],
    ['anim.gif', 'image/gif', GIF, 'image/gif'],
    ['bild.webp', 'image/webp', WEBP, 'image/webp'],
    ['noter.txt', 'text/plain; charset=utf-8', TEXT, 'text/plain'],
    ['liste.csv', 'text/csv', TEXT, 'text/csv'],
    ['liste.csv', 'application/vnd.ms-excel', TEXT, 'text/csv'],
    ['kontrakt.docx', DOCX, ZIP, DOCX],
    ['budget.xlsx', XLSX, ZIP, XLSX],
    ['brev.odt', 'application/vnd.oasis.opendocument.text', ZIP, 'application/vnd.oasis.opendocument.text'],
    ['gammel.doc', 'application/msword', OLE, 'application/msword'],
    ['gammel.xls', 'application/vnd.ms-excel', OLE, 'application/vnd.ms-excel'],
    ['arkiv.zip', 'application/x-zip-compressed', ZIP, 'application/zip'],
    ['mail.eml', 'message/rfc822', EML, 'message/rfc822'],
    ['mail.msg', 'application/vnd.ms-outlook', OLE, 'application/vnd.ms-outlook'],
    // a generic type takes the extension's
    ['tilbud.pdf', 'application/octet-stream', PDF, 'application/pdf'],
    ['budget.XLSX', '', ZIP, XLSX],
  ];
  it.each(accepted)('accepts %s sent as %j', (fileName, declaredType, head, contentType) => {
    expect(checkFile({ fileName, declaredType, head })).toEqual({ ok: true, contentType });
  });

  const refused: [string, string, Uint8Array, RegExp][] = [
    ['setup.exe', 'application/octet-stream', EXE, /\.exe files cannot be attached/],
    ['tilbud.pdf', 'application/pdf', EXE, /content is not application\/pdf/],
    ['tilbud.pdf', 'application/octet-stream', EXE, /content is not application\/pdf/],
    ['logo.png', 'image/png', JPEG, /content is not image\/png/],
    ['kontrakt.docx', DOCX, EXE, /content is not/],
    ['gammel.doc', 'application/msword', ZIP, /content is not/],
    ['noter.txt', 'text/plain', EXE, /content is not text\/plain/],
    ['side.html', 'text/html', bytes('<html>'), /\.html files cannot be attached/],
    ['tegning.svg', 'image/svg+xml', bytes('<svg>'), /\.svg files cannot be attached/],
    ['script', 'application/javascript', bytes('alert(1)'), /application\/javascript files cannot be attached/],
    ['data.bin', 'application/octet-stream', ZIP, /type of "data.bin" is unknown/],
    ['film.mp4', 'video/mp4', bytes([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), /video\/mp4 files cannot be attached/],
  ];
  it.each(refused)('refuses %s sent as %j', (fileName, declaredType, head, reason) => {
    const result = checkFile({ fileName, declaredType, head });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('cleanFileName and contentDisposition (T-5)', () => {
  const names: [string, string][] = [
    ['tilbud.pdf', 'tilbud.pdf'],
    ['C:\\Users\\kari\\Tilbud Øresund.pdf', 'Tilbud Øresund.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\r\n"c".txt', 'abc.txt'],
    ['', 'file'],
    ['..', 'file'],
    [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(196)}.pdf`],
  ];
  it.each(names)('%j → %j', (name, clean) => {
    expect(cleanFileName(name)).toBe(clean);
  });

  it('sends an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Tilbud Øresund (2).pdf')).toBe(
      'attachment; filename="Tilbud resund (2).pdf"; filename*=UTF-8\'\'Tilbud%20%C3%98resund%20%282%29.pdf',
    );
    expect(contentDisposition('plain.txt')).toBe('attachment; filename="plain.txt"; filename*=UTF-8\'\'plain.txt');
  });
});
