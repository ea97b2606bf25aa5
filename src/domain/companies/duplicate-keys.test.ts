import { describe, expect, it } from 'vitest';
import { companyNameKey, emailDomainKey, orgNumberKey, phoneKey } from './duplicate-keys.ts';

describe('companyNameKey (C-6)', () => {
  const cases: [string, string][] = [
    ['Fjordkraft AS', 'fjordkraft'],
    ['FJORDKRAFT', 'fjordkraft'],
    ['Dansk Stål A/S', 'dansk stål'],
    ['Dansk Stål a / s', 'dansk stål'],
    ['Dansk-Stål ApS', 'dansk stål'],
    ['Equinor ASA', 'equinor'],
    ['AB Volvo', 'volvo'],
    ['Volvo AB.', 'volvo'],
    ['Nokia Oyj', 'nokia'],
    ['Oy Yritys Ab', 'yritys'],
    ['Siemens GmbH', 'siemens'],
    ['  Ekström  &  Co. ', 'ekström co'],
    ['Øresund Logistik', 'øresund logistik'],
    ['Oresund Logistik', 'oresund logistik'],
    ['Basalt Byg', 'basalt byg'],
    ['AS', 'as'],
    ['', ''],
  ];
  it.each(cases)('%j → %j', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});

describe('orgNumberKey (C-6)', () => {
  const cases: [string, string][] = [
    ['12345674', '12345674'],
    ['DK 12 34 56 74', '12345674'],
    ['DK-12345674', '12345674'],
    ['923 609 016', '923609016'],
    ['NO 923 609 016 MVA', '923609016'],
    ['556036-0793', '5560360793'],
    ['SE556036079301', '5560360793'],
    ['16556036-0793', '5560360793'],
    ['FI 1234567-8', '12345678'],
    ['1234567-8', '12345678'],
    ['HRB 12345', 'HRB12345'],
  ];
  it.each(cases)('%j → %j', (input, key) => {
    expect(orgNumberKey(input)).toBe(key);
  });
});

describe('emailDomainKey (C-6)', () => {
  const cases: [string, string | null][] = [
    ['info@Fjordkraft.NO', 'fjordkraft.no'],
    ['ole@salg.fjordkraft.no', 'salg.fjordkraft.no'],
    ['fjordkraft.no', 'fjordkraft.no'],
    ['someone@gmail.com', null],
    ['someone@hotmail.com', null],
    ['someone@outlook.com', null],
    ['someone@live.com', null],
    ['someone@yahoo.com', null],
    ['someone@icloud.com', null],
    ['no-domain@', null],
    ['not an email', null],
  ];
  it.each(cases)('%j → %j', (input, key) => {
    expect(emailDomainKey(input)).toBe(key);
  });
});

describe('phoneKey (C-6)', () => {
  const cases: [string, string | null][] = [
    ['+45 70 10 20 30', '70102030'],
    ['70 10 20 30', '70102030'],
    ['0045 7010 2030', '70102030'],
    ['+47 22 33 44 55', '22334455'],
    ['+46 8 123 456 78', '812345678'],
    ['08-123 456 78', '812345678'],
    ['(0)8 123 456 78', '812345678'],
    ['+49 30 1234567', '49301234567'],
    ['4570102030', '4570102030'],
    ['112', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', (input, key) => {
    expect(phoneKey(input)).toBe(key);
  });
});
