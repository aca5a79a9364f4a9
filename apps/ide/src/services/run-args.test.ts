import { describe, expect, it } from 'vitest';
import { argsFormOf, argsOf, PAYLOAD_KEY, samplePayload } from './run-args';

const words = { invalidJson: 'bad json', required: 'needed' };

describe('the Run form', () => {
  it('asks for each parameter, checking typed values and parsing JSON', () => {
    const form = argsFormOf([
      { name: 'orderId', type: 'integer' },
      { name: 'note', type: 'text' },
      { name: 'when', type: 'datetime' },
      { name: 'extra', type: 'json' },
    ]);
    expect(form.mode).toBe('fields');
    expect(
      argsOf(
        form,
        { orderId: 5, note: '', when: '2024-05-01T10:00:00+02:00', extra: '{"a":1}' },
        words,
      ),
    ).toEqual({
      ok: true,
      args: { orderId: 5, when: '2024-05-01T08:00:00.000Z', extra: { a: 1 } },
    });
    expect(argsOf(form, { orderId: 1.5, extra: '{' }, words)).toEqual({
      ok: false,
      errors: { orderId: expect.stringContaining('integer'), extra: 'bad json' },
    });
  });

  it('refuses to send a call without its required parameters', () => {
    const form = argsFormOf([
      { name: 'orderId', type: 'integer', required: true },
      { name: 'extra', type: 'json', required: true },
      { name: 'note', type: 'text' },
    ]);
    expect(argsOf(form, { orderId: '', extra: '  ' }, words)).toEqual({
      ok: false,
      errors: { orderId: 'needed', extra: 'needed' },
    });
    expect(argsOf(form, { orderId: 3, extra: '[]' }, words)).toEqual({
      ok: true,
      args: { orderId: 3, extra: [] },
    });
  });

  it('sends a handler function a whole payload', () => {
    const form = argsFormOf([{ name: 'event', type: 'event:custom' }]);
    expect(form).toMatchObject({ mode: 'payload', kind: 'custom' });
    const sample = samplePayload('custom', { sender: 'services.Billing.paid' });
    const result = argsOf(form, { [PAYLOAD_KEY]: sample }, words);
    expect(result).toMatchObject({ ok: true, args: { sender: 'services.Billing.paid', args: {} } });
    expect(argsOf(form, { [PAYLOAD_KEY]: 'nope' }, words)).toEqual({
      ok: false,
      errors: { [PAYLOAD_KEY]: 'bad json' },
    });
  });
});
