import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkMapping, guessMapping, isImportField } from './mapping.ts';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('import mappings and prototype keys', () => {
  it('does not take a name of Object.prototype for an import field', () => {
    for (const key of PROTOTYPE_KEYS) expect(isImportField('companies', key), key).toBe(false);
    expect(isImportField('companies', 'name')).toBe(true);
  });

  it('refuses a mapping to __proto__, constructor or toString with 400 naming the column', () => {
    for (const field of PROTOTYPE_KEYS) {
      const refused = (() => {
        try {
          checkMapping('opportunities', ['Titel'], JSON.parse(`{"Titel": ${JSON.stringify(field)}}`));
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(refused, field).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('VALIDATION');
      expect(Object.keys((refused as AppError).fields ?? {})).toEqual(['mapping.Titel']);
    }
  });

  it('looks columns named like prototype keys up as plain keys', () => {
    const headers = ['name', 'constructor', 'toString', '__proto__'];
    const guessed = guessMapping('companies', headers);
    expect(headers.map((h) => guessed[h])).toEqual(['name', undefined, undefined, undefined]);
    const checked = checkMapping('companies', headers, JSON.parse('{"name": "name", "__proto__": "city"}'));
    expect(headers.map((h) => checked[h])).toEqual(['name', undefined, undefined, 'city']);
    expect(Object.keys(checked)).toEqual(['name', '__proto__']);
  });
});
