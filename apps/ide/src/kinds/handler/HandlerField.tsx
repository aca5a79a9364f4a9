import { ApiOutlined } from '@ant-design/icons';
import { Button, Radio, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { navigate } from '../../router/use-route';
import { handlerChoices, handlerKey, misfitText } from '../../services/handler-fit';
import { FormItem } from '../FormItem';
import { fieldTestId } from '../test-ids';
import type { EventDraft, FieldErrors, KindContext } from '../types';
import '../../services/services.css';

type Props = {
  mode: 'create' | 'edit';
  draft: EventDraft;
  onChange: (patch: Partial<EventDraft>) => void;
  errors: FieldErrors;
  context: KindContext;
  /** The kind's title, for "no function fits a <kind>". */
  kindTitle: string;
};

/**
 * The handler of an event of any kind: its own handler.ts, or a service function. Every function
 * of every service is listed; those that fit the kind (exactly one parameter of type
 * `event:<kind>`) can be chosen and show the parameter they receive, the others say why not.
 */
export function HandlerField({
  mode,
  draft,
  onChange,
  errors,
  context: { t, services },
  kindTitle,
}: Props) {
  const tid = (name: string) => fieldTestId(mode, name);
  const kind = draft.kind;
  const choices = useMemo(() => handlerChoices(services, kind), [services, kind]);
  const handler = draft.handler;
  const selected =
    handler.type === 'service' && handler.service && handler.function
      ? handlerKey(handler.service, handler.function)
      : undefined;
  const chosen = choices.find((c) => handlerKey(c.service, c.fn) === selected);
  const firstFit = choices.find((c) => c.fit.fits);

  const pick = (type: 'inline' | 'service') => {
    if (type === 'inline') onChange({ handler: { type: 'inline' } });
    else
      onChange({
        handler: {
          type: 'service',
          service: firstFit?.service ?? '',
          function: firstFit?.fn ?? '',
        },
      });
  };

  const groups = useMemo(() => {
    const byService = new Map<string, typeof choices>();
    for (const c of choices) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
    return [...byService.values()].map((list) => ({
      label: (
        <span>
          <ApiOutlined /> {list[0]!.serviceTitle}
        </span>
      ),
      title: list[0]!.service,
      options: list.map((c) => ({
        value: handlerKey(c.service, c.fn),
        label: `${c.serviceTitle} › ${c.fnTitle}`,
        disabled: !c.fit.fits,
        choice: c,
      })),
    }));
  }, [choices]);

  const functionRequired = t('handler.functionRequired');
  const notes: string[] = [];
  if (handler.type === 'service' && !selected)
    notes.push(
      choices.length === 0
        ? t('handler.noFunctions')
        : firstFit
          ? functionRequired
          : t('handler.noneFit', { kind: kindTitle, type: `event:${kind}` }),
    );
  if (handler.type === 'service' && selected && chosen && !chosen.fit.fits)
    notes.push(`${selected}: ${misfitText(chosen.fit.reason, kind, t)}`);
  if (handler.type === 'service' && selected && !chosen)
    notes.push(`${selected}: ${t('handler.noFunctions')}`);

  return (
    <FormItem
      label={t('event.handler')}
      // The form's "choose a function" refusal repeats what the notes already say.
      errors={[
        ...notes,
        ...(errors.handler ?? []).filter((e) => !notes.length || e !== functionRequired),
      ]}
      testId={tid('handler')}
      help={
        chosen?.fit.fits ? (
          <span data-testid={tid('handler-receives')}>
            {t('handler.receives', { param: chosen.fit.param.name, type: chosen.fit.param.type })}{' '}
            <Button
              type="link"
              size="small"
              className="handler-open-service"
              onClick={() => navigate({ page: 'service', name: chosen.service })}
            >
              {t('handler.openService')}
            </Button>
          </span>
        ) : undefined
      }
    >
      <Radio.Group
        data-testid={tid('handler')}
        value={handler.type}
        onChange={(e) => pick(e.target.value as 'inline' | 'service')}
      >
        <Radio value="inline" data-testid={tid('handler-inline')}>
          {t('event.handlerInline')}
        </Radio>
        <Radio value="service" data-testid={tid('handler-service')}>
          {t('event.handlerService')}
        </Radio>
      </Radio.Group>
      {handler.type === 'service' && (
        <Select
          className="handler-function"
          data-testid={tid('handler-function')}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('handler.chooseFunction')}
          value={selected}
          options={groups}
          status={notes.length ? 'error' : undefined}
          notFoundContent={t('handler.noFunctions')}
          style={{ width: '100%', marginTop: 8 }}
          onChange={(key: string) => {
            const c = choices.find((x) => handlerKey(x.service, x.fn) === key);
            if (c) onChange({ handler: { type: 'service', service: c.service, function: c.fn } });
          }}
          optionRender={(option) => {
            const c = (option.data as { choice?: (typeof choices)[number] }).choice;
            if (!c) return option.label;
            return (
              <div
                data-testid="handler-option"
                data-function={handlerKey(c.service, c.fn)}
                data-fits={c.fit.fits ? 'true' : 'false'}
              >
                <span>{c.fnTitle}</span>{' '}
                <Typography.Text type="secondary" className="mono small">
                  {c.fn}
                </Typography.Text>{' '}
                {c.fit.fits ? (
                  <span className="handler-option-param mono">
                    ({c.fit.param.name}: {c.fit.param.type})
                  </span>
                ) : (
                  <span className="handler-option-reason">{misfitText(c.fit.reason, kind, t)}</span>
                )}
              </div>
            );
          }}
        />
      )}
    </FormItem>
  );
}
