import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import {
  serviceDefinitionOf,
  serviceDraftOf,
  serviceErrorsOf,
  serviceFormKey,
  validateServiceDraft,
} from './service-draft';

const t = translator('en');

describe('service drafts', () => {
  it('fill the lists the form needs and keep unknown keys', () => {
    const draft = serviceDraftOf({ type: 'service', title: 'Billing', owner: 'ann' });
    expect(draft).toMatchObject({ title: 'Billing', functions: [], eventDescs: [], owner: 'ann' });
  });

  it('write no empty titles, descriptions or return types', () => {
    const draft = serviceDraftOf({
      type: 'service',
      title: 'Billing',
      functions: [{ name: ' charge ', title: '', params: [{ name: 'orderId', type: 'integer' }] }],
      eventDescs: [{ name: 'paid', title: 'Paid', desc: '  ' }],
    });
    expect(serviceDefinitionOf(draft)).toEqual({
      type: 'service',
      title: 'Billing',
      functions: [{ name: 'charge', params: [{ name: 'orderId', type: 'integer' }] }],
      eventDescs: [{ name: 'paid', title: 'Paid' }],
    });
  });

  it('are checked like the server checks them', () => {
    const draft = serviceDraftOf({
      type: 'service',
      functions: [
        {
          name: 'charge',
          params: [
            { name: 'a', type: 'text' },
            { name: 'a', type: '' },
            { name: '__proto__', type: 'text' },
          ],
        },
        { name: 'charge', params: [] },
        { name: '9lives', params: [] },
      ],
      eventDescs: [{ name: 'paid' }, { name: 'has-dash' }, { name: '' }],
    });
    const errors = validateServiceDraft(draft, t);
    expect(Object.keys(errors).sort()).toEqual([
      'eventDescs.1.name',
      'eventDescs.2.name',
      'functions.0.params.1.name',
      'functions.0.params.1.type',
      'functions.0.params.2.name',
      'functions.1.name',
      'functions.2.name',
    ]);
    expect(errors['functions.1.name']).toEqual(['“charge” is used twice.']);
    expect(errors['functions.0.params.2.name']).toEqual([
      '"__proto__" is reserved: every JavaScript object has it.',
    ]);
  });

  it('place server problems beside the input they name', () => {
    expect(serviceFormKey('definition.functions.0.params.1.type')).toBe(
      'functions.0.params.1.type',
    );
    expect(serviceFormKey('definition.functions.2')).toBe('functions.2.name');
    expect(serviceFormKey('definition.eventDescs.1.desc')).toBe('eventDescs.1.desc');
    expect(serviceFormKey('code')).toBe('code');
    expect(
      serviceErrorsOf([
        {
          field: 'definition.functions.0.name',
          reason: 'service.ts does not export a function "x"',
        },
        { field: 'definition.owner', reason: 'unknown' },
      ]),
    ).toEqual({
      'functions.0.name': ['service.ts does not export a function "x"'],
      _: ['definition.owner: unknown'],
    });
  });
});
