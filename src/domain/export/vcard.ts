// L-8: contacts as vCard 4.0 (RFC 6350), one card per contact, UTF-8, escaped and folded.
import { createHash } from 'node:crypto';
import { escapeText, foldLine } from './content-lines.ts';

export type VcardContact = {
  id: number;
  firstName: string;
  lastName: string;
  companyName: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  notes: string | null;
  updatedAt: string;
};

/** A stable UID per contact: a UUID made from its id, so re-importing a card updates it in the address book. */
export function contactUid(id: number): string {
  const hex = createHash('sha1').update(`trakt:contact:${id}`).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const revision = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

export function vcard(contact: VcardContact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:${contactUid(contact.id)}`,
    `FN:${escapeText(`${contact.firstName} ${contact.lastName}`.trim())}`,
    `N:${escapeText(contact.lastName, true)};${escapeText(contact.firstName, true)};;;`,
  ];
  if (contact.companyName) lines.push(`ORG:${escapeText(contact.companyName, true)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.email) lines.push(`EMAIL;TYPE=work:${escapeText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=uri;TYPE="work,voice":tel:${contact.phone.replace(/[^0-9+]/g, '')}`);
  if (contact.mobile) lines.push(`TEL;VALUE=uri;TYPE="cell,voice":tel:${contact.mobile.replace(/[^0-9+]/g, '')}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  lines.push(`REV:${revision(contact.updatedAt)}`, 'END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
