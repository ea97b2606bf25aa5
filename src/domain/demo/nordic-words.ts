// Words the demo data is made of, per country: names, streets, real postal codes with their
// cities and telephone area codes, company name parts and job titles.

export type CountryCode = 'DK' | 'NO' | 'SE' | 'FI' | 'DE';
export type Language = 'da' | 'nb' | 'sv' | 'en';

export type CountryWords = {
  language: Language;
  currency: string;
  tld: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  streets: readonly string[];
  /** [postal code, city, telephone area code] */
  cities: readonly (readonly [string, string, string])[];
  /** Glued to a trade: "Fjord" + "byg" */
  namePrefixes: readonly string[];
  nameTrades: readonly string[];
  /** A word after a family name or a national word: "Kjær Maskinfabrik", "Nordisk Emballage" */
  tradeWords: readonly string[];
  regionWords: readonly string[];
  legalForms: readonly (readonly [string, number])[];
  primaryTitles: readonly string[];
  otherTitles: readonly string[];
  mailbox: string;
  /** A telephone number from an area code (landline) or, without one, a mobile number. */
  phone(area: string | null, digits: () => string): string;
};

const group = (value: string, sizes: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(value.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
};

export const COUNTRIES: Record<CountryCode, CountryWords> = {
  DK: {
    language: 'da',
    currency: 'DKK',
    tld: 'dk',
    firstNames: ['Mette', 'Anne', 'Kirsten', 'Hanne', 'Lone', 'Camilla', 'Louise', 'Maria', 'Sofie', 'Ida', 'Line', 'Pia', 'Jens', 'Peter', 'Lars', 'Michael', 'Henrik', 'Søren', 'Thomas', 'Rasmus', 'Jesper', 'Martin', 'Niels', 'Anders', 'Morten', 'Mads', 'Christian', 'Frederik', 'Kasper', 'Jakob'],
    lastNames: ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Lund', 'Holm', 'Schmidt', 'Eriksen', 'Kjær', 'Bach', 'Dahl'],
    streets: ['Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Industrivej', 'Hovedgaden', 'Strandvejen', 'Havnegade', 'Skovvej', 'Fabriksvej', 'Erhvervsvej', 'Jernbanegade', 'Banegårdspladsen', 'Kongevejen', 'Håndværkervej', 'Mølleåvej', 'Energivej', 'Transportvej'],
    cities: [
      ['1620', 'København V', '33'], ['2100', 'København Ø', '35'], ['2200', 'København N', '35'], ['2300', 'København S', '32'],
      ['2500', 'Valby', '36'], ['2600', 'Glostrup', '43'], ['2800', 'Kongens Lyngby', '45'], ['3000', 'Helsingør', '49'],
      ['4000', 'Roskilde', '46'], ['4700', 'Næstved', '55'], ['5000', 'Odense C', '66'], ['6000', 'Kolding', '75'],
      ['6700', 'Esbjerg', '75'], ['7100', 'Vejle', '75'], ['7400', 'Herning', '97'], ['7500', 'Holstebro', '97'],
      ['8000', 'Aarhus C', '86'], ['8600', 'Silkeborg', '86'], ['8700', 'Horsens', '75'], ['8900', 'Randers C', '86'],
      ['9000', 'Aalborg', '98'], ['9800', 'Hjørring', '98'],
    ],
    namePrefixes: ['Nord', 'Vest', 'Øst', 'Syd', 'Fjord', 'Hav', 'Skov', 'Bøge', 'Ege', 'Lyng', 'Klit', 'Bro', 'Strand', 'Mølle', 'Hede', 'Sten', 'Kyst', 'Ager'],
    nameTrades: ['tek', 'byg', 'data', 'trans', 'el', 'mek', 'plast', 'stål', 'træ', 'pak', 'log', 'energi', 'consult', 'service', 'maskiner', 'handel', 'montage', 'automatik'],
    tradeWords: ['Maskinfabrik', 'Transport', 'Rådgivning', 'El-service', 'Entreprise', 'Emballage', 'VVS', 'Automation', 'Logistik', 'Import', 'Smedie', 'Tømrerforretning'],
    regionWords: ['Dansk', 'Nordisk', 'Skandinavisk', 'Scan'],
    legalForms: [['ApS', 6], ['A/S', 4]],
    primaryTitles: ['Administrerende direktør', 'Direktør', 'CEO', 'Indehaver'],
    otherTitles: ['Økonomichef', 'CFO', 'Indkøbschef', 'Salgschef', 'IT-chef', 'Driftschef', 'Produktionschef', 'Indkøber', 'Projektleder', 'Marketingchef', 'Lagerchef', 'Bogholder'],
    mailbox: 'info',
    phone: (area, digits) =>
      area === null ? `+45 ${group(`${['20', '21', '22', '26', '28', '30', '40', '42', '50', '51', '60', '61'][Number(digits()) % 12]}${digits().slice(0, 6)}`, [2, 2, 2, 2])}` : `+45 ${group(`${area}${digits().slice(0, 6)}`, [2, 2, 2, 2])}`,
  },
  NO: {
    language: 'nb',
    currency: 'NOK',
    tld: 'no',
    firstNames: ['Ingrid', 'Kari', 'Anne', 'Marit', 'Silje', 'Ida', 'Nora', 'Hilde', 'Tone', 'Ragnhild', 'Camilla', 'Ole', 'Lars', 'Jan', 'Per', 'Bjørn', 'Kjetil', 'Knut', 'Arne', 'Erik', 'Magnus', 'Henrik', 'Sindre', 'Eirik', 'Håkon', 'Jonas', 'Tor', 'Øystein', 'Anders', 'Marius'],
    lastNames: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Solberg', 'Bakke', 'Moen', 'Strand', 'Lie'],
    streets: ['Storgata', 'Kirkegata', 'Industriveien', 'Sjøgata', 'Strandveien', 'Havnegata', 'Fjordveien', 'Kongens gate', 'Dronningens gate', 'Jernbanegata', 'Nedre Storgate', 'Verkstedveien', 'Brattørkaia', 'Sandakerveien'],
    cities: [
      ['0150', 'Oslo', '22'], ['0250', 'Oslo', '23'], ['0484', 'Oslo', '22'], ['1337', 'Sandvika', '67'],
      ['2000', 'Lillestrøm', '63'], ['3015', 'Drammen', '32'], ['4006', 'Stavanger', '51'], ['4610', 'Kristiansand S', '38'],
      ['5003', 'Bergen', '55'], ['6002', 'Ålesund', '70'], ['7010', 'Trondheim', '73'], ['8006', 'Bodø', '75'],
      ['9008', 'Tromsø', '77'], ['1606', 'Fredrikstad', '69'], ['3110', 'Tønsberg', '33'], ['2317', 'Hamar', '62'],
    ],
    namePrefixes: ['Fjell', 'Nord', 'Vest', 'Fjord', 'Bre', 'Elve', 'Havne', 'Skog', 'Stein', 'Berg', 'Lys', 'Vik', 'Dal', 'Sjø', 'Tind', 'Kyst'],
    nameTrades: ['tek', 'bygg', 'data', 'transport', 'elektro', 'mek', 'plast', 'stål', 'tre', 'pakk', 'logistikk', 'kraft', 'rådgivning', 'service', 'systemer', 'maskin', 'handel', 'montasje'],
    tradeWords: ['Mekaniske Verksted', 'Transport', 'Rådgivning', 'Elektro', 'Entreprenør', 'Emballasje', 'Rør', 'Automasjon', 'Logistikk', 'Import', 'Sveis', 'Bygg'],
    regionWords: ['Norsk', 'Nordisk', 'Skandinavisk', 'Nordic'],
    legalForms: [['AS', 9], ['ASA', 1]],
    primaryTitles: ['Daglig leder', 'Administrerende direktør', 'CEO'],
    otherTitles: ['Økonomisjef', 'CFO', 'Innkjøpssjef', 'Salgssjef', 'IT-sjef', 'Driftssjef', 'Produksjonssjef', 'Innkjøper', 'Prosjektleder', 'Markedssjef', 'Lagersjef', 'Regnskapsfører'],
    mailbox: 'post',
    phone: (area, digits) =>
      area === null ? `+47 ${group(`${['4', '9'][Number(digits()) % 2]}${digits().slice(0, 7)}`, [3, 2, 3])}` : `+47 ${group(`${area}${digits().slice(0, 6)}`, [2, 2, 2, 2])}`,
  },
  SE: {
    language: 'sv',
    currency: 'SEK',
    tld: 'se',
    firstNames: ['Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Kristina', 'Emma', 'Elin', 'Johanna', 'Malin', 'Ingrid', 'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Mikael', 'Jan', 'Lennart', 'Fredrik', 'Magnus', 'Oskar', 'Henrik', 'Gustav', 'Jonas', 'Björn', 'Mattias', 'Patrik'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Mattsson'],
    streets: ['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Industrivägen', 'Hamngatan', 'Sjövägen', 'Järnvägsgatan', 'Fabriksgatan', 'Västra Hamngatan', 'Sveavägen', 'Verkstadsgatan', 'Företagsvägen', 'Kyrkogatan', 'Södra Vägen'],
    cities: [
      ['111 22', 'Stockholm', '8'], ['113 30', 'Stockholm', '8'], ['169 70', 'Solna', '8'], ['211 20', 'Malmö', '40'],
      ['222 21', 'Lund', '46'], ['252 21', 'Helsingborg', '42'], ['411 05', 'Göteborg', '31'], ['413 01', 'Göteborg', '31'],
      ['553 20', 'Jönköping', '36'], ['582 22', 'Linköping', '13'], ['602 24', 'Norrköping', '11'], ['702 10', 'Örebro', '19'],
      ['722 15', 'Västerås', '21'], ['753 20', 'Uppsala', '18'], ['852 30', 'Sundsvall', '60'], ['903 25', 'Umeå', '90'],
      ['972 31', 'Luleå', '920'],
    ],
    namePrefixes: ['Norr', 'Väst', 'Öst', 'Syd', 'Sjö', 'Skog', 'Berg', 'Älv', 'Sten', 'Björk', 'Gran', 'Lind', 'Ek', 'Dal', 'Strand', 'Fors'],
    nameTrades: ['tek', 'bygg', 'data', 'transport', 'el', 'mek', 'plast', 'stål', 'trä', 'livs', 'pack', 'logistik', 'kraft', 'konsult', 'service', 'system', 'maskin', 'handel'],
    tradeWords: ['Mekaniska Verkstad', 'Transport', 'Konsult', 'Elektriska', 'Bygg', 'Förpackning', 'VVS', 'Automation', 'Logistik', 'Import', 'Svets', 'Snickeri'],
    regionWords: ['Svensk', 'Nordisk', 'Skandinavisk', 'Scandia'],
    legalForms: [['AB', 1]],
    primaryTitles: ['VD', 'Verkställande direktör', 'CEO'],
    otherTitles: ['Ekonomichef', 'CFO', 'Inköpschef', 'Försäljningschef', 'IT-chef', 'Driftchef', 'Produktionschef', 'Inköpare', 'Projektledare', 'Marknadschef', 'Lagerchef', 'Redovisningsekonom'],
    mailbox: 'info',
    phone: (area, digits) => {
      if (area === null) return `+46 ${['70', '72', '73', '76'][Number(digits()) % 4]} ${group(digits().slice(0, 7), [3, 2, 2])}`;
      // the subscriber number is shorter where the area code is longer
      const length = area.length === 1 ? 8 : area.length === 2 ? 7 : 6;
      const sizes = length === 8 ? [3, 3, 2] : length === 7 ? [3, 2, 2] : [2, 2, 2];
      return `+46 ${area} ${group(digits().slice(0, length), sizes)}`;
    },
  },
  FI: {
    language: 'en',
    currency: 'EUR',
    tld: 'fi',
    firstNames: ['Mikko', 'Juha', 'Timo', 'Jari', 'Antti', 'Anna', 'Maria', 'Laura', 'Sanna', 'Päivi'],
    lastNames: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen'],
    streets: ['Mannerheimintie', 'Teollisuuskatu', 'Satamakatu', 'Hämeenkatu', 'Aleksanterinkatu'],
    cities: [['00100', 'Helsinki', '9'], ['02150', 'Espoo', '9'], ['33100', 'Tampere', '3'], ['20100', 'Turku', '2'], ['90100', 'Oulu', '8']],
    namePrefixes: ['Kivi', 'Järvi', 'Metsä', 'Pohjois', 'Vaara', 'Koski', 'Saari'],
    nameTrades: ['tekniikka', 'rakennus', 'data', 'logistiikka', 'kone', 'sähkö'],
    tradeWords: ['Logistics', 'Engineering', 'Systems'],
    regionWords: ['Nordic', 'Baltic'],
    legalForms: [['Oy', 9], ['Oyj', 1]],
    primaryTitles: ['Toimitusjohtaja', 'CEO'],
    otherTitles: ['Talousjohtaja', 'Hankintapäällikkö', 'IT-päällikkö', 'CFO', 'Purchasing Manager'],
    mailbox: 'info',
    phone: (area, digits) =>
      area === null ? `+358 40 ${group(digits().slice(0, 7), [3, 4])}` : `+358 ${area} ${group(digits().slice(0, 8), [4, 4])}`,
  },
  DE: {
    language: 'en',
    currency: 'EUR',
    tld: 'de',
    firstNames: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Jan', 'Sabine', 'Claudia', 'Julia', 'Katrin', 'Anja'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz'],
    streets: ['Hauptstraße', 'Industriestraße', 'Hafenstraße', 'Bahnhofstraße', 'Gewerbering'],
    cities: [['20095', 'Hamburg', '40'], ['10115', 'Berlin', '30'], ['24103', 'Kiel', '431'], ['28195', 'Bremen', '421']],
    namePrefixes: ['Nord', 'Elb', 'Hansa', 'Weser', 'Alster', 'Förde'],
    nameTrades: ['technik', 'bau', 'daten', 'logistik', 'maschinen', 'handel'],
    tradeWords: ['Logistik', 'Maschinenbau', 'Systemtechnik'],
    regionWords: ['Norddeutsche', 'Hanseatische'],
    legalForms: [['GmbH', 8], ['AG', 2]],
    primaryTitles: ['Geschäftsführung', 'CEO'],
    otherTitles: ['Einkaufsleitung', 'Leitung IT', 'CFO', 'Vertriebsleitung', 'Projektleitung'],
    mailbox: 'info',
    phone: (area, digits) =>
      area === null ? `+49 151 ${digits().slice(0, 8)}` : `+49 ${area} ${digits().slice(0, 7)}`,
  },
};

/** Lower-case ASCII for e-mail addresses and domains: "Kjær & Søn" → "kjaer-son". */
export function asciiSlug(text: string, separator = '-'): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '')
    .join(separator);
}
