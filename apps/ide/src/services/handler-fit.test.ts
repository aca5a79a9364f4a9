import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { functionFit, handlerChoices, misfitText } from './handler-fit';

const t = translator('en');
const fn = (name: string, ...params: [string, string][]) => ({
  name,
  params: params.map(([n, type]) => ({ name: n, type })),
});

describe('service functions as handlers', () => {
  it('fit a kind with exactly one parameter of type event:<kind>', () => {
    expect(functionFit(fn('onPaid', ['event', 'event:custom']), 'custom')).toEqual({
      fits: true,
      param: { name: 'event', type: 'event:custom' },
    });
  });

  it('say why the others do not fit', () => {
    const reason = (f: ReturnType<typeof fn>, kind: string) => {
      const fit = functionFit(f, kind);
      return fit.fits ? null : misfitText(fit.reason, kind, t);
    };
    expect(reason(fn('ping'), 'custom')).toBe(
      'declares no parameter; needs exactly one of type event:custom',
    );
    expect(reason(fn('pay', ['orderId', 'integer']), 'model')).toBe(
      'its parameter orderId is integer; needs event:model',
    );
    expect(reason(fn('onOrder', ['event', 'event:model']), 'custom')).toBe(
      'its parameter event is event:model; needs event:custom',
    );
    expect(reason(fn('both', ['event', 'event:custom'], ['note', 'text']), 'custom')).toBe(
      'declares 2 parameters (event: event:custom, note: text); needs exactly one, of type event:custom',
    );
  });

  it('lists every function of every service, by service title', () => {
    const choices = handlerChoices(
      [
        { name: 'services.Zeta', title: 'Zeta', functions: [fn('a')] },
        {
          name: 'services.Billing',
          title: 'Billing',
          functions: [fn('charge'), fn('onPaid', ['e', 'event:custom'])],
        },
      ],
      'custom',
    );
    expect(choices.map((c) => [c.service, c.fn, c.fit.fits])).toEqual([
      ['services.Billing', 'charge', false],
      ['services.Billing', 'onPaid', true],
      ['services.Zeta', 'a', false],
    ]);
  });
});
