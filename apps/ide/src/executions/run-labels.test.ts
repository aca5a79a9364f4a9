import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { runElementRoute, runKindLabel, runTitle } from './run-labels';

const t = translator('en');
const titles = new Map([
  ['services.Fulfilment', 'Fulfilment'],
  ['events.NotifyRegionManager', 'Notify region manager'],
]);
const titleOf = (name: string) => titles.get(name);

const call = {
  event: 'services.Fulfilment',
  kind: 'service',
  timing: 'ship',
  handler: 'services.Fulfilment.ship',
};
const publish = {
  event: 'services.Fulfilment.shipped',
  kind: 'publish',
  timing: null,
  handler: 'publish',
};
const custom = {
  event: 'events.NotifyRegionManager',
  kind: 'custom',
  timing: null,
  handler: 'inline',
};
const model = { event: 'events.Audit', kind: 'model', timing: 'afterUpdate', handler: 'inline' };

describe('run labels', () => {
  it('name a service call by service and function, a publish by its sender', () => {
    expect(runTitle(call, titleOf)).toBe('Fulfilment › ship');
    expect(runTitle(publish, titleOf)).toBe('Fulfilment.shipped');
    expect(runTitle(custom, titleOf)).toBe('Notify region manager');
    expect(runTitle(model, titleOf)).toBe('Audit');
  });

  it('say what kind of run it is, or a model event’s timing', () => {
    expect(runKindLabel(call, t)).toBe('Service call');
    expect(runKindLabel(publish, t)).toBe('Publish');
    expect(runKindLabel(custom, t)).toBe('Custom event');
    expect(runKindLabel(model, t)).toBe('After update');
    expect(runKindLabel({ ...model, kind: 'aiTool', timing: 'beforeToolCall' }, t)).toBe(
      'beforeToolCall',
    );
  });

  it('lead to the element the run belongs to', () => {
    expect(runElementRoute(call)).toEqual({ page: 'service', name: 'services.Fulfilment' });
    expect(runElementRoute(publish)).toEqual({ page: 'service', name: 'services.Fulfilment' });
    expect(runElementRoute(custom)).toEqual({ page: 'event', name: 'events.NotifyRegionManager' });
  });
});
