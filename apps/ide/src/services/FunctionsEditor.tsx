import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { useT, type MessageKey } from '../i18n';
import type { FieldErrors } from '../kinds/types';
import { FieldCell, statusOf } from './FieldCell';
import { PARAM_TYPES, RETURN_TYPES, type FunctionDraft } from './service-draft';
import type { ServiceEditorChange } from './service-editor-store';

type Props = {
  functions: readonly FunctionDraft[];
  /** Names service.ts exports now, to point at declared functions it lacks. */
  exported: readonly string[];
  errors: FieldErrors;
  apply: (change: ServiceEditorChange) => void;
};

const KIND_KEYS: Record<string, MessageKey> = {
  model: 'runKind.model',
  custom: 'runKind.custom',
  approval: 'runKind.approval',
};

/** The functions of a service as a form: name, title, typed parameters, return type. */
export function FunctionsEditor({ functions, exported, errors, apply }: Props) {
  const t = useT();
  const typeOptions = [
    {
      label: t('service.typesValues'),
      options: PARAM_TYPES.filter((p) => !p.startsWith('event:')).map((p) => ({
        value: p,
        label: p,
      })),
    },
    {
      label: t('service.typesEvents'),
      options: PARAM_TYPES.filter((p) => p.startsWith('event:')).map((p) => ({
        value: p,
        label: p,
      })),
    },
  ];
  const returnOptions = RETURN_TYPES.map((r) => ({ value: r, label: r }));

  if (functions.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('service.noFunctions')}
        className="svc-empty"
      />
    );

  return (
    <div className="svc-functions">
      {functions.map((fn, i) => {
        const key = (k: string) => errors[`functions.${i}.${k}`];
        const event = fn.params.length === 1 ? fn.params[0]!.type : '';
        const kind = event.startsWith('event:') ? event.slice('event:'.length) : null;
        const missing = fn.name && !exported.includes(fn.name);
        return (
          <div className="svc-fn" key={i} data-testid="service-function" data-name={fn.name}>
            <div className="svc-fn-head">
              <FieldCell
                errors={key('name')}
                testId="service-function-name"
                className="svc-fn-name"
              >
                <Input
                  className="mono"
                  data-testid="service-function-name"
                  value={fn.name}
                  placeholder={t('service.functionName')}
                  status={statusOf(key('name'))}
                  onChange={(e) =>
                    apply({ type: 'updateFunction', index: i, patch: { name: e.target.value } })
                  }
                />
              </FieldCell>
              <FieldCell errors={key('title')} className="grow">
                <Input
                  data-testid="service-function-title"
                  value={fn.title ?? ''}
                  placeholder={t('service.functionTitle')}
                  onChange={(e) =>
                    apply({ type: 'updateFunction', index: i, patch: { title: e.target.value } })
                  }
                />
              </FieldCell>
              <Tooltip title={t('service.removeFunction')}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  data-testid="service-function-remove"
                  aria-label={t('service.removeFunction')}
                  onClick={() => apply({ type: 'removeFunction', index: i })}
                />
              </Tooltip>
            </div>
            {(kind || missing) && (
              <div className="svc-fn-notes">
                {kind && (
                  <Tag color="purple" data-testid="service-function-handles">
                    {t('service.handles', { kind: KIND_KEYS[kind] ? t(KIND_KEYS[kind]) : kind })}
                  </Tag>
                )}
                {missing && (
                  <Typography.Text type="warning" className="small">
                    <WarningOutlined /> {t('service.notExported', { name: fn.name })}{' '}
                    <Button
                      type="link"
                      size="small"
                      data-testid="service-add-stub"
                      onClick={() => apply({ type: 'addStubs' })}
                    >
                      {t('service.addStub')}
                    </Button>
                  </Typography.Text>
                )}
              </div>
            )}
            <div className="svc-params">
              <div className="svc-params-label muted small">{t('service.params')}</div>
              {fn.params.length === 0 && (
                <div className="muted small svc-params-none">{t('service.noParams')}</div>
              )}
              {fn.params.map((param, j) => {
                const pkey = (k: string) => errors[`functions.${i}.params.${j}.${k}`];
                return (
                  <div className="svc-param" key={j} data-testid="service-param">
                    <FieldCell errors={pkey('name')} testId="service-param-name" className="grow">
                      <Input
                        size="small"
                        className="mono"
                        data-testid="service-param-name"
                        value={param.name}
                        placeholder={t('service.paramName')}
                        status={statusOf(pkey('name'))}
                        onChange={(e) =>
                          apply({
                            type: 'updateParam',
                            fn: i,
                            index: j,
                            patch: { name: e.target.value },
                          })
                        }
                      />
                    </FieldCell>
                    <FieldCell errors={pkey('type')} testId="service-param-type">
                      <Select
                        size="small"
                        className="svc-param-type"
                        data-testid="service-param-type"
                        value={param.type || undefined}
                        placeholder={t('service.paramType')}
                        options={typeOptions}
                        status={statusOf(pkey('type'))}
                        popupMatchSelectWidth={false}
                        onChange={(type: string) =>
                          apply({ type: 'updateParam', fn: i, index: j, patch: { type } })
                        }
                      />
                    </FieldCell>
                    {!param.type.startsWith('event:') && (
                      <Tooltip title={t('service.paramRequiredHelp')}>
                        <Checkbox
                          className="svc-param-required"
                          data-testid="service-param-required"
                          checked={!!param.required}
                          onChange={(e) =>
                            apply({
                              type: 'updateParam',
                              fn: i,
                              index: j,
                              patch: { required: e.target.checked || undefined },
                            })
                          }
                        >
                          {t('service.paramRequired')}
                        </Checkbox>
                      </Tooltip>
                    )}
                    <Tooltip title={t('service.removeParam')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        data-testid="service-param-remove"
                        aria-label={t('service.removeParam')}
                        onClick={() => apply({ type: 'removeParam', fn: i, index: j })}
                      />
                    </Tooltip>
                  </div>
                );
              })}
              <div className="svc-fn-foot">
                <Button
                  size="small"
                  type="link"
                  icon={<PlusOutlined />}
                  className="svc-add-param"
                  data-testid="service-param-add"
                  onClick={() => apply({ type: 'addParam', fn: i })}
                >
                  {t('service.addParam')}
                </Button>
                <span className="grow" />
                <span className="muted small">{t('service.returns')}</span>
                <Select
                  size="small"
                  className="svc-fn-returns"
                  data-testid="service-function-returns"
                  value={fn.returns ?? 'json'}
                  options={returnOptions}
                  onChange={(returns: string) =>
                    apply({ type: 'updateFunction', index: i, patch: { returns } })
                  }
                />
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
