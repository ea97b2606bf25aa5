// Texts of demo opportunities and activities in the language of the customer's country.
import type { Language } from './nordic-words.ts';

/** `{year}` is replaced by the year the agreement starts; `recurring` titles carry an annual margin. */
export const OPPORTUNITY_TITLES: Record<Language, readonly (readonly [string, boolean])[]> = {
  da: [
    ['Serviceaftale {year}', true],
    ['Ny ERP-løsning', false],
    ['Udskiftning af maskinpark', false],
    ['Rammeaftale lager', true],
    ['Licensfornyelse {year}', true],
    ['Opgradering af serverpark', false],
    ['Kursuspakke for sælgere', false],
    ['Nyt lagerstyringssystem', false],
    ['Udvidelse af produktionslinje', false],
    ['Vedligeholdelsesaftale {year}', true],
  ],
  nb: [
    ['Serviceavtale {year}', true],
    ['Ny ERP-løsning', false],
    ['Utskifting av maskinpark', false],
    ['Rammeavtale lager', true],
    ['Lisensfornyelse {year}', true],
    ['Oppgradering av serverpark', false],
    ['Kurspakke for selgere', false],
    ['Nytt lagerstyringssystem', false],
    ['Utvidelse av produksjonslinje', false],
    ['Vedlikeholdsavtale {year}', true],
  ],
  sv: [
    ['Serviceavtal {year}', true],
    ['Nytt affärssystem', false],
    ['Byte av maskinpark', false],
    ['Ramavtal lager', true],
    ['Licensförnyelse {year}', true],
    ['Uppgradering av serverpark', false],
    ['Utbildningspaket säljare', false],
    ['Nytt lagersystem', false],
    ['Utbyggnad av produktionslinje', false],
    ['Underhållsavtal {year}', true],
  ],
  en: [
    ['Service agreement {year}', true],
    ['New ERP solution', false],
    ['Replacement of machinery', false],
    ['Framework agreement warehouse', true],
    ['Licence renewal {year}', true],
    ['Server upgrade', false],
    ['Sales training package', false],
    ['New warehouse management system', false],
    ['Production line extension', false],
    ['Maintenance agreement {year}', true],
  ],
};

export const OPPORTUNITY_DESCRIPTIONS: Record<Language, readonly string[]> = {
  da: [
    'Kunden vil udskifte den nuværende løsning inden årsskiftet.',
    'Behov afklaret på møde; afventer budget fra økonomichefen.',
    'Konkurrent er også inviteret til at give tilbud.',
    'Referencebesøg ønskes før beslutning.',
  ],
  nb: [
    'Kunden vil bytte ut dagens løsning før nyttår.',
    'Behov avklart i møte; venter på budsjett fra økonomisjefen.',
    'Konkurrent er også invitert til å gi tilbud.',
    'Ønsker referansebesøk før beslutning.',
  ],
  sv: [
    'Kunden vill byta ut nuvarande lösning före årsskiftet.',
    'Behovet klarlagt på möte; väntar på budget från ekonomichefen.',
    'Konkurrent är också inbjuden att lämna offert.',
    'Vill göra referensbesök innan beslut.',
  ],
  en: [
    'The customer wants to replace the current solution before year end.',
    'Needs clarified in a meeting; waiting for the CFO’s budget.',
    'A competitor has also been asked for a quote.',
    'Wants a reference visit before deciding.',
  ],
};

export const CLOSE_NOTES: Record<Language, Record<'won' | 'lost' | 'expired', string>> = {
  da: { won: 'Ordre modtaget.', lost: 'Tabt, se tabsårsag.', expired: 'Ingen beslutning fra kunden.' },
  nb: { won: 'Ordre mottatt.', lost: 'Tapt, se tapsårsak.', expired: 'Ingen beslutning fra kunden.' },
  sv: { won: 'Order mottagen.', lost: 'Förlorad, se orsak.', expired: 'Inget beslut från kunden.' },
  en: { won: 'Order received.', lost: 'Lost, see the reason.', expired: 'No decision from the customer.' },
};

export type DemoActivityType = 'call' | 'meeting' | 'task' | 'email_out' | 'note';

export const ACTIVITY_SUBJECTS: Record<Language, Record<DemoActivityType, readonly string[]>> = {
  da: {
    call: ['Opfølgning på tilbud', 'Ring og aftal møde', 'Opkald om behov', 'Ring tilbage om pris'],
    meeting: ['Møde om behov', 'Præsentation af løsning', 'Forhandlingsmøde', 'Demo hos kunden'],
    task: ['Send tilbud', 'Udarbejd prisberegning', 'Send referat', 'Opdater tilbud'],
    email_out: ['Tilbud sendt', 'Produktblad sendt', 'Referat sendt'],
    note: ['Noter fra møde', 'Kunden har budget i næste kvartal', 'Beslutning udskudt'],
  },
  nb: {
    call: ['Oppfølging av tilbud', 'Ring og avtal møte', 'Samtale om behov', 'Ring tilbake om pris'],
    meeting: ['Behovsmøte', 'Presentasjon av løsning', 'Forhandlingsmøte', 'Demo hos kunden'],
    task: ['Send tilbud', 'Lag priskalkyle', 'Send referat', 'Oppdater tilbud'],
    email_out: ['Tilbud sendt', 'Produktark sendt', 'Referat sendt'],
    note: ['Notater fra møte', 'Kunden har budsjett neste kvartal', 'Beslutning utsatt'],
  },
  sv: {
    call: ['Uppföljning av offert', 'Ring och boka möte', 'Samtal om behov', 'Ring tillbaka om pris'],
    meeting: ['Behovsmöte', 'Presentation av lösning', 'Förhandlingsmöte', 'Demo hos kunden'],
    task: ['Skicka offert', 'Gör priskalkyl', 'Skicka protokoll', 'Uppdatera offert'],
    email_out: ['Offert skickad', 'Produktblad skickat', 'Protokoll skickat'],
    note: ['Anteckningar från möte', 'Kunden har budget nästa kvartal', 'Beslut framskjutet'],
  },
  en: {
    call: ['Follow up on quote', 'Call to book a meeting', 'Call about needs', 'Call back about price'],
    meeting: ['Needs meeting', 'Solution presentation', 'Negotiation meeting', 'On-site demo'],
    task: ['Send quote', 'Prepare price calculation', 'Send minutes', 'Update quote'],
    email_out: ['Quote sent', 'Product sheet sent', 'Minutes sent'],
    note: ['Meeting notes', 'Customer has budget next quarter', 'Decision postponed'],
  },
};
