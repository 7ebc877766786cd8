import { describe, expect, it } from 'vitest';
import { NO_CONDITIONS, hasNeeds, rangeProblem, storageMismatches, type StorageNeeds, type ZoneConditions } from '.';

const needs = (n: Partial<StorageNeeds>): StorageNeeds => ({ ...NO_CONDITIONS, ...n });
const zone = (z: Partial<ZoneConditions>): ZoneConditions => ({ ...NO_CONDITIONS, ...z });

describe('storage conditions', () => {
  it('a product without needs fits anywhere, a bin without a zone assures nothing', () => {
    expect(hasNeeds(needs({}))).toBe(false);
    expect(storageMismatches(NO_CONDITIONS, needs({}))).toEqual([]);
    expect(storageMismatches(NO_CONDITIONS, needs({ tempMin: 2, tempMax: 8, dark: true }))).toEqual([
      'TEMPERATURE',
      'DARK',
    ]);
  });

  it('the zone range must lie within the needed range', () => {
    const chilled = needs({ tempMin: 2, tempMax: 8 });
    expect(storageMismatches(zone({ tempMin: 2, tempMax: 8 }), chilled)).toEqual([]);
    expect(storageMismatches(zone({ tempMin: 3, tempMax: 6 }), chilled)).toEqual([]);
    expect(storageMismatches(zone({ tempMin: 0, tempMax: 8 }), chilled)).toEqual(['TEMPERATURE']);
    expect(storageMismatches(zone({ tempMin: 2, tempMax: null }), chilled)).toEqual(['TEMPERATURE']);
    // frozen: at most -18, any lower bound
    expect(storageMismatches(zone({ tempMin: -25, tempMax: -18 }), needs({ tempMax: -18 }))).toEqual([]);
    expect(storageMismatches(zone({ humidityMin: 30, humidityMax: 70 }), needs({ humidityMax: 60 }))).toEqual([
      'HUMIDITY',
    ]);
  });

  it('dangerous goods only where their class is licensed; food-grade goods never there', () => {
    expect(storageMismatches(zone({ hazardClass: '3' }), needs({ hazardClass: '3' }))).toEqual([]);
    expect(storageMismatches(zone({ hazardClass: '8' }), needs({ hazardClass: '3' }))).toEqual(['HAZARD']);
    expect(storageMismatches(zone({}), needs({ hazardClass: '3' }))).toEqual(['HAZARD']);
    expect(storageMismatches(zone({ foodGrade: true }), needs({ foodGrade: true }))).toEqual([]);
    expect(storageMismatches(zone({ foodGrade: true, hazardClass: '3' }), needs({ foodGrade: true }))).toEqual([
      'FOOD_GRADE',
    ]);
    expect(storageMismatches(zone({ hazardClass: '3' }), needs({}))).toEqual([]);
  });

  it('ranges as entered', () => {
    expect(rangeProblem(2, 8, -80, 80)).toBeNull();
    expect(rangeProblem(8, 2, -80, 80)).toBe('The lower bound is above the upper bound.');
    expect(rangeProblem(null, 120, 0, 100)).toBe('Whole numbers from 0 to 100.');
    expect(rangeProblem(1.5, null, -80, 80)).toBe('Whole numbers from -80 to 80.');
  });
});
