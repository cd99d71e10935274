import { describe, expect, it } from 'vitest';
import { MapPress } from './map-press.ts';

describe('MapPress', () => {
  it('takes a press that ends where it began as a click, however long it lasted', () => {
    const press = new MapPress();
    press.down(100, 80, 1);
    expect(press.up(102, 79, 1)).toBe(true);
  });

  it('takes a press that moved past the slop as a drag', () => {
    const press = new MapPress(5);
    press.down(100, 80, 1);
    expect(press.up(106, 80, 1)).toBe(false);
  });

  it('needs its own press: a release without one, from another pointer or after a cancel is no click', () => {
    const press = new MapPress();
    expect(press.up(10, 10, 1)).toBe(false);
    press.down(10, 10, 1);
    expect(press.up(10, 10, 2)).toBe(false);
    press.down(10, 10, 1);
    press.cancel();
    expect(press.up(10, 10, 1)).toBe(false);
  });

  it('counts each press once', () => {
    const press = new MapPress();
    press.down(10, 10, 1);
    expect(press.up(10, 10, 1)).toBe(true);
    expect(press.up(10, 10, 1)).toBe(false);
  });
});
