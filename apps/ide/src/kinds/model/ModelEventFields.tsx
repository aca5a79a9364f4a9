import { FilterOutlined, LockOutlined } from '@ant-design/icons';
import { MODEL_TIMINGS, type Condition, type Operator } from '@whenthen/schema';
import { Button, Radio, Select, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ConditionModal } from '../../conditions/ConditionModal';
import { describeCondition } from '../../conditions/condition-model';
import { findModel } from '../../stores/app-store';
import { FormItem } from '../FormItem';
import { fieldTestId } from '../test-ids';
import type { KindFieldsProps } from '../types';
import { isUpdateTiming, normaliseModelDraft, type ModelEventDraft } from './model-draft';

/** The model event's part of the new-event dialog and the event page form. */
export function ModelEventFields({
  draft: raw,
  onChange,
  errors,
  mode,
  context,
  onFormErrors,
}: KindFieldsProps) {
  const { t, models } = context;
  const draft = raw as ModelEventDraft;
  const model = findModel(models, draft.model);
  const fixed = mode === 'edit';
  const tid = (name: string) => fieldTestId(mode, name);
  const [specified, setSpecified] = useState((draft.fields ?? []).length > 0);
  const [filterOpen, setFilterOpen] = useState(false);
  const update = (patch: Partial<ModelEventDraft>) => {
    const next = normaliseModelDraft(draft, { ...draft, ...patch });
    if (!next.fields?.length && patch.fields === undefined && draft.fields?.length)
      setSpecified(false);
    onChange(next);
  };
  const updateTiming = isUpdateTiming(draft.timing);
  // An empty list means "any field" once stored, so "specified" with none picked must not be saved.
  const noFieldPicked = updateTiming && specified && !draft.fields?.length;
  useEffect(() => {
    onFormErrors?.(noFieldPicked ? { fields: [t('event.triggerFieldsRequired')] } : {});
  }, [noFieldPicked, onFormErrors, t]);
  const lock = fixed ? (
    <Tooltip title={t('event.fixedAfterCreate')}>
      <LockOutlined className="muted" />
    </Tooltip>
  ) : null;
  const fieldLabel = (name: string) => {
    const f = model?.fields.find((x) => x.name === name);
    return f?.title && f.title !== name ? f.title : name;
  };
  const summary = draft.filter
    ? describeCondition(draft.filter, {
        field: fieldLabel,
        op: (op: Operator) => t(`op.${op}`),
        and: t('cond.summaryAnd'),
        or: t('cond.summaryOr'),
        not: t('cond.summaryNot'),
      })
    : null;

  return (
    <>
      <FormItem label={t('event.model')} errors={errors.model} required extra={lock}>
        <Select
          data-testid={tid('model')}
          disabled={fixed}
          placeholder={t('event.modelPlaceholder')}
          value={draft.model}
          showSearch={{ optionFilterProp: 'label' }}
          options={models.map((m) => ({
            value: m.name,
            label: m.title !== m.short ? `${m.title} (${m.short})` : m.short,
          }))}
          onChange={(name: string) => update({ model: name })}
        />
      </FormItem>
      <FormItem label={t('event.timing')} errors={errors.timing} required extra={lock}>
        <Select
          data-testid={tid('timing')}
          disabled={fixed}
          value={draft.timing}
          options={MODEL_TIMINGS.map((timing) => ({
            value: timing,
            label: <span data-testid={`timing-option-${timing}`}>{t(`timing.${timing}`)}</span>,
          }))}
          onChange={(timing) => update({ timing })}
        />
      </FormItem>
      {updateTiming && (
        <FormItem
          label={t('event.triggerFields')}
          errors={errors.fields}
          help={
            noFieldPicked && !errors.fields?.length ? t('event.triggerFieldsRequired') : undefined
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Radio.Group
              data-testid={tid('fields-mode')}
              value={specified ? 'specified' : 'any'}
              onChange={(e) => {
                setSpecified(e.target.value === 'specified');
                if (e.target.value === 'any') update({ fields: [] });
              }}
              options={[
                { value: 'any', label: t('event.triggerAny') },
                { value: 'specified', label: t('event.triggerSpecified') },
              ]}
            />
            {specified && (
              <Select
                data-testid={tid('fields')}
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('event.triggerFieldsPlaceholder')}
                value={draft.fields ?? []}
                options={(model?.fields ?? []).map((f) => ({
                  value: f.name,
                  label: fieldLabel(f.name),
                }))}
                onChange={(fields: string[]) => update({ fields })}
              />
            )}
          </Space>
        </FormItem>
      )}
      <FormItem label={t('event.filter')} errors={errors.filter}>
        <div className="filter-summary">
          {summary ? (
            <Typography.Text className="filter-text" data-testid={tid('filter-summary')}>
              <FilterOutlined /> {summary}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('event.filterNone')}</Typography.Text>
          )}
          <Space size={4}>
            <Button
              data-testid={tid('filter-button')}
              disabled={!model}
              icon={<FilterOutlined />}
              onClick={() => setFilterOpen(true)}
            >
              {summary ? t('event.filterEdit') : t('event.filterSet')}
            </Button>
            {summary && (
              <Button
                type="link"
                danger
                data-testid={tid('filter-clear')}
                onClick={() => update({ filter: null, filterMode: 'matches' })}
              >
                {t('event.filterClear')}
              </Button>
            )}
          </Space>
        </div>
      </FormItem>
      {updateTiming && draft.filter && (
        <FormItem
          label={t('event.filterMode')}
          errors={errors.filterMode}
          help={t('event.filterModeHelp')}
        >
          <Radio.Group
            data-testid={tid('filter-mode')}
            value={draft.filterMode}
            onChange={(e) =>
              update({ filterMode: e.target.value as ModelEventDraft['filterMode'] })
            }
            options={[
              { value: 'matches', label: t('event.filterMatches') },
              { value: 'becomesMatching', label: t('event.filterBecomes') },
            ]}
          />
        </FormItem>
      )}
      <ConditionModal
        open={filterOpen}
        value={draft.filter}
        fields={model?.fields ?? []}
        onCancel={() => setFilterOpen(false)}
        onOk={(filter: Condition | null) => {
          setFilterOpen(false);
          update({ filter });
        }}
      />
    </>
  );
}
