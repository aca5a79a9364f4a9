import { describe, expect, it } from 'vitest';
import { modelSchema, serviceSchema } from './elements.js';

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('names every JavaScript object has', () => {
  it('are refused as model fields', () => {
    const model = (name: string) =>
      modelSchema.safeParse({ type: 'model', fields: [{ name, type: 'text' }] });
    expect(problems(model('toString'))).toEqual([
      ['fields.0.name', '"toString" is reserved: every JavaScript object has it'],
    ]);
    expect(problems(model('constructor'))).toHaveLength(1);
    expect(model('toStringValue').success).toBe(true);
  });

  it('are refused as service functions, parameters and declared events', () => {
    const result = serviceSchema.safeParse({
      type: 'service',
      functions: [
        { name: 'valueOf', params: [] },
        {
          name: 'ship',
          params: [
            { name: '__proto__', type: 'integer' },
            { name: 'constructor', type: 'text' },
          ],
        },
      ],
      eventDescs: [{ name: 'hasOwnProperty' }],
    });
    expect(problems(result).map(([path]) => path)).toEqual([
      'functions.0.name',
      'functions.1.params.0.name',
      'functions.1.params.1.name',
      'eventDescs.0.name',
    ]);
  });
});
