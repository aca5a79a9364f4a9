import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n';
import {
  checkIdentifier,
  identifierFromTitle,
  identifierMessages,
  suggestIdentifier,
  uniqueIdentifier,
} from './identifier';

describe('identifierFromTitle', () => {
  it('joins the words of a title in PascalCase', () => {
    expect(identifierFromTitle('Notify big order')).toBe('NotifyBigOrder');
    expect(identifierFromTitle('  audit: order-status changes ')).toBe('AuditOrderStatusChanges');
  });

  it('drops accents and characters an identifier cannot hold', () => {
    expect(identifierFromTitle('Café crème')).toBe('CafeCreme');
    expect(identifierFromTitle('大额订单通知')).toBe('');
  });

  it('never starts with a digit and stays within 64 characters', () => {
    expect(identifierFromTitle('3 day reminder')).toBe('E3DayReminder');
    expect(identifierFromTitle('a'.repeat(100))).toHaveLength(64);
  });
});

describe('checkIdentifier', () => {
  const existing = ['events.NotifyBigOrder', 'models.Order'];

  it('refuses names already used, ignoring case', () => {
    expect(checkIdentifier('notifyBigOrder', 'events', existing)).toBe('invalid');
    expect(checkIdentifier('NOTIFYBIGORDER', 'events', existing)).toBe('taken');
    expect(checkIdentifier('NotifyBigOrder', 'events', existing)).toBe('taken');
  });

  it('allows the same short name in another group', () => {
    expect(checkIdentifier('Order', 'events', existing)).toBe('ok');
  });

  it('refuses names that are not identifiers', () => {
    expect(checkIdentifier('../x', 'events', existing)).toBe('invalid');
    expect(checkIdentifier('', 'events', existing)).toBe('missing');
    expect(checkIdentifier('A'.repeat(65), 'events', existing)).toBe('invalid');
  });
});

describe('uniqueIdentifier', () => {
  it('numbers a base name until it is free', () => {
    const taken = new Set(['Event', 'Event2']);
    expect(uniqueIdentifier('Event', (n) => taken.has(n))).toBe('Event3');
  });
});

describe('suggestIdentifier', () => {
  const taken = new Set(['Event1', 'VIP']);
  const isTaken = (n: string) => taken.has(n);

  it('keeps the ASCII words of a mixed title, numbered when taken', () => {
    expect(suggestIdentifier('大额订单 Notify', 'Event', isTaken)).toBe('Notify');
    expect(suggestIdentifier('VIP 订单通知', 'Event', isTaken)).toBe('VIP2');
  });

  it('gives the fallback with the first free number for a title without ASCII words', () => {
    const name = suggestIdentifier('大额订单通知', 'Event', isTaken);
    expect(name).toBe('Event2');
    expect(name).toMatch(/^[A-Z][A-Za-z0-9]{0,63}$/);
  });

  it('proposes nothing for an empty title', () => {
    expect(suggestIdentifier('  ', 'Event', isTaken)).toBe('');
  });
});

describe('identifierMessages', () => {
  const t = ((key: string, params?: Record<string, unknown>) =>
    params ? `${key} ${JSON.stringify(params)}` : key) as unknown as Translate;
  const existing = ['events.NotifyBigOrder'];

  it('asks for an identifier only once OK was pressed', () => {
    expect(identifierMessages('', 'events', existing, false, t)).toEqual([]);
    expect(identifierMessages('', 'events', existing, true, t)).toEqual([
      'newEvent.identifierRequired',
    ]);
  });

  it('says what is wrong with one that was typed', () => {
    expect(identifierMessages('x', 'events', existing, false, t)).toEqual([
      'newEvent.identifierInvalid',
    ]);
    expect(identifierMessages('NotifyBigOrder', 'events', existing, false, t)).toEqual([
      'newEvent.identifierTaken {"name":"events.NotifyBigOrder"}',
    ]);
    expect(identifierMessages('Fresh', 'events', existing, true, t)).toEqual([]);
  });
});
