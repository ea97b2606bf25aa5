import { describe, expect, it } from 'vitest';
import { FILTERS, defOf } from './filter-defs';
import { apiQuery, comparisonParam, dayBound, dayOf, exportUrl, filterEntries, parseParam, sameQuery, searchScopeOf } from './list-params';

describe('list URL → API query', () => {
  it('drops the page’s own parameters, fills in the sort and orders the keys', () => {
    const params = new URLSearchParams('view=all&sv=3&q=AS%25&amount.gte=10000&status=open,won&empty=');
    expect(apiQuery(params, '-number')).toEqual({ 'amount.gte': '10000', q: 'AS%', sort: '-number', status: 'open,won' });
    expect(Object.keys(apiQuery(params, '-number'))).toEqual(['amount.gte', 'q', 'sort', 'status']);
    expect(apiQuery(new URLSearchParams('sort=amount'), '-number').sort).toBe('amount');
  });

  it('lists the filters without the sort, for the chips', () => {
    expect(filterEntries({ sort: 'name', status: 'prospect', letter: 'Ø' })).toEqual([
      ['status', 'prospect'],
      ['letter', 'Ø'],
    ]);
  });

  it('writes and reads comparisons', () => {
    expect(comparisonParam('amount', 'gte')).toBe('amount.gte');
    expect(comparisonParam('amount', 'eq')).toBe('amount');
    expect(parseParam('decisionDate.lte')).toEqual({ field: 'decisionDate', op: 'lte' });
    expect(parseParam('probability.ne')).toEqual({ field: 'probability', op: 'ne' });
    expect(parseParam('status')).toEqual({ field: 'status', op: 'eq' });
  });

  it('finds the filter a parameter belongs to', () => {
    const defs = FILTERS.opportunities;
    expect(defOf(defs, 'amount.gte')?.kind).toBe('compare');
    expect(defOf(defs, 'amount')?.kind).toBe('compare');
    expect(defOf(defs, 'decisionDate.lte')?.kind).toBe('dates');
    expect(defOf(defs, 'stageId')?.kind).toBe('stages');
    expect(defOf(defs, 'decisionDate')).toBeUndefined();
    expect(defOf(defs, 'colour')).toBeUndefined();
  });

  it('takes the search scope that is in the URL', () => {
    expect(searchScopeOf(new URLSearchParams('note=%25tilbud'))).toBe('note');
    expect(searchScopeOf(new URLSearchParams('status=open'))).toBe('q');
  });

  it('compares saved and current filters whatever the key order', () => {
    expect(sameQuery({ a: '1', sort: 'x' }, { sort: 'x', a: '1' })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '1', b: '2' })).toBe(false);
  });

  it('bounds a day: dates stay dates, timestamps cover the whole local day', () => {
    expect(dayBound('2026-03-05', 'from', false)).toBe('2026-03-05');
    const from = dayBound('2026-03-05', 'from', true);
    const to = dayBound('2026-03-05', 'to', true);
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(24 * 3600_000 - 1);
    expect(dayOf(from)).toBe('2026-03-05');
    expect(dayOf(to)).toBe('2026-03-05');
    expect(dayOf('2026-03-05')).toBe('2026-03-05');
  });

  it('builds the export URL of the whole selection with its filters, sort and columns', () => {
    const url = exportUrl(
      'opportunities',
      { 'amount.gte': '50000', q: 'AS%', sort: '-amount' },
      { format: 'csv', delimiter: 'semicolon', lang: 'da', columns: ['number', 'title'] },
    );
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/opportunities/export?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      'amount.gte': '50000',
      q: 'AS%',
      sort: '-amount',
      format: 'csv',
      delimiter: 'semicolon',
      lang: 'da',
      columns: 'number,title',
    });
    const vcard = new URL(exportUrl('contacts', { sort: 'lastName' }, { format: 'vcf', lang: 'da', columns: ['email'] }), 'http://x')
      .searchParams;
    expect(Object.fromEntries(vcard)).toEqual({ sort: 'lastName', format: 'vcf' });
  });
});
