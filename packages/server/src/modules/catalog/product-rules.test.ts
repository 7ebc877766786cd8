import { describe, expect, it } from 'vitest';
import { NO_CONDITIONS } from '../../domain/storage';
import {
  checkProductDraft,
  decimalProblem,
  defaultSkuName,
  parsePairs,
  splitList,
  type ProductDraft,
} from './product-rules';

const base = (over: Partial<ProductDraft> = {}): ProductDraft => ({
  code: 'P-1',
  name: 'T恤',
  categoryId: null,
  brandId: null,
  baseUnit: '件',
  unitScale: 0,
  shelfLifeDays: null,
  storageCondition: null,
  storage: NO_CONDITIONS,
  batchTracked: false,
  serialTracked: false,
  attributeNames: ['颜色'],
  active: true,
  units: [],
  skus: [
    {
      path: 'skus[0]',
      code: 'P-1-R',
      name: 'T恤 红',
      attributes: [{ name: '颜色', value: '红' }],
      barcodes: [],
      active: true,
    },
  ],
  ...over,
});
const fields = (d: ProductDraft) => checkProductDraft(d, { requireSkus: true }).map((p) => p.field);

describe('product rules', () => {
  it('accepts a good product', () => {
    expect(fields(base())).toEqual([]);
  });

  it('checks unit scale, units and factors', () => {
    expect(fields(base({ unitScale: 7 }))).toEqual(['unitScale']);
    expect(
      fields(
        base({
          units: [
            { name: '件', factor: '2' },
            { name: '箱', factor: '12' },
            { name: '箱', factor: '6' },
          ],
        }),
      ),
    ).toEqual(['units[0].name', 'units[2].name']);
    expect(
      fields(
        base({
          units: [
            { name: '箱', factor: '0' },
            { name: '盒', factor: '0.0000001' },
            { name: '包', factor: '0.000001' },
          ],
        }),
      ),
    ).toEqual(['units[0].factor', 'units[1].factor']);
  });

  it('checks SKU codes, barcodes and attributes, naming the paths', () => {
    const d = base({
      skus: [
        {
          path: 'skus[0]',
          code: 'A',
          name: '',
          attributes: [{ name: '颜色', value: '红' }],
          barcodes: ['690 1'],
          active: true,
        },
        {
          path: 'skus[1]',
          code: 'a',
          name: '',
          attributes: [{ name: '颜色', value: '红' }],
          barcodes: ['6902', '6902'],
          active: true,
        },
        {
          path: 'skus[2]',
          code: 'B',
          name: '',
          attributes: [{ name: '尺码', value: 'M' }],
          barcodes: [],
          active: true,
          refSalePrice: '-1',
        },
        { path: null, code: 'OLD', name: '', attributes: [], active: true },
      ],
    });
    expect(fields(d)).toEqual([
      'skus[0].barcodes[0]',
      'skus[1].code',
      'skus[1].barcodes[1]',
      'skus[1].attributes',
      'skus[2].refSalePrice',
      'skus[2].attributes',
      'attributeNames',
    ]);
    expect(fields(base({ skus: [] }))).toEqual(['skus']);
  });

  it('parses Excel cells and decimals', () => {
    expect(parsePairs('颜色=红;尺码：M')).toEqual([
      { name: '颜色', value: '红' },
      { name: '尺码', value: 'M' },
    ]);
    expect(parsePairs('红')).toMatch(/name=value/);
    expect(splitList('690;691，692 693')).toEqual(['690', '691', '692', '693']);
    expect(decimalProblem('12.5')).toBeNull();
    expect(decimalProblem('1e3')).toMatch(/decimal/);
    expect(decimalProblem('1000000000000')).toMatch(/large/);
    expect(defaultSkuName('T恤', [{ value: '红' }, { value: 'M' }])).toBe('T恤 红 M');
  });
});
