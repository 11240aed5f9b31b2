// The visit frequencies (SPEC §3 tables, editable): value tier × role and prospect grades, shown
// as text; "edit" opens one form where each cell is "n times every m weeks/months" or "when
// needed". Main checks every cell; a refused cell shows its message and nothing is saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { frequencyText, PROSPECT_GRADE_LABELS } from '@shared/labels/visits';
import { VALUE_TIER_KEYS, type TierKey } from '@shared/types-analysis';
import {
  PROSPECT_GRADE_KEYS,
  VISIT_ROLES,
  type ProspectGradeKey,
  type VisitFrequency,
  type VisitPlanSettings as Settings,
} from '@shared/types-visits';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { roleLabel, useVt, visitsErrorText } from './common';
import { DaysOffFields, DaysOffSummary } from './DaysOffFields';

export function VisitPlanSettings({ settings }: { settings: Settings }) {
  const t = useVt();
  const lang = currentLang();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title={t('settings.title')}
      extra={
        <Button size="small" onClick={() => setEditing(true)} data-testid="visit-settings-edit">
          {t('settings.edit')}
        </Button>
      }
      data-testid="visit-settings"
    >
      <Typography.Text strong>{t('settings.tiers')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="tier"
        style={{ margin: '6px 0 12px' }}
        dataSource={VALUE_TIER_KEYS.map((tier) => ({ tier }))}
        columns={[
          { title: t('settings.tier'), dataIndex: 'tier', width: 90 },
          ...VISIT_ROLES.map((role) => ({
            title: roleLabel(role),
            key: role,
            render: (_: unknown, r: { tier: TierKey }) => frequencyCell(settings.tiers[r.tier][role], t, lang),
          })),
        ]}
      />
      <Typography.Text strong>{t('settings.prospects')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="grade"
        style={{ marginTop: 6 }}
        dataSource={PROSPECT_GRADE_KEYS.map((grade) => ({ grade }))}
        columns={[
          { title: t('settings.grade'), dataIndex: 'grade', width: 90 },
          {
            title: t('settings.readiness'),
            key: 'r',
            render: (_: unknown, r: { grade: ProspectGradeKey }) => PROSPECT_GRADE_LABELS[lang][r.grade].readiness,
          },
          {
            title: t('settings.frequency'),
            key: 'f',
            render: (_: unknown, r: { grade: ProspectGradeKey }) => frequencyText(settings.prospects[r.grade], lang),
          },
          {
            title: t('settings.purchase'),
            key: 'p',
            render: (_: unknown, r: { grade: ProspectGradeKey }) => PROSPECT_GRADE_LABELS[lang][r.grade].purchase,
          },
        ]}
      />
      <DaysOffSummary settings={settings} />
      {editing && <EditModal settings={settings} onClose={() => setEditing(false)} />}
    </Card>
  );
}

const frequencyCell = (f: VisitFrequency | null, t: (k: string) => string, lang: 'zh-CN' | 'en') =>
  f ? frequencyText(f, lang) : <Typography.Text type="secondary">{t('settings.whenNeeded')}</Typography.Text>;

function EditModal({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Settings>(() => JSON.parse(JSON.stringify(settings)) as Settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => call('visits:update-plan-settings', draft),
    onSuccess: (s) => {
      qc.setQueryData(['visits', 'settings'], s);
      void message.success(t('settings.saved'));
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field) return setErrors({ [e.field]: visitsErrorText(t, e, t('error.invalid')) });
      void message.error(errorText(t, e));
    },
  });
  const row = (path: string, label: string, f: VisitFrequency | null, set: (f: VisitFrequency | null) => void) => {
    const err = Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
    return (
      <div key={path} className="visit-freq-row" data-testid={`freq-${path}`}>
        <span style={{ width: 150, display: 'inline-block' }}>{label}</span>
        <Checkbox
          checked={f === null}
          onChange={(e) => set(e.target.checked ? null : { times: 1, every: 1, unit: 'month' })}
        >
          {t('settings.whenNeeded')}
        </Checkbox>
        {f && (
          <Space size={4}>
            <span>{t('settings.every')}</span>
            <InputNumber
              size="small"
              value={f.every}
              onChange={(v) => set({ ...f, every: v ?? 0 })}
              style={{ width: 60 }}
            />
            <Select
              size="small"
              value={f.unit}
              onChange={(unit) => set({ ...f, unit })}
              // fits "month(s)" in English (90 px cut it to "mont…")
              style={{ width: 112 }}
              popupMatchSelectWidth={false}
              data-testid={`freq-${path}-unit`}
              options={[
                { value: 'week', label: t('settings.week') },
                { value: 'month', label: t('settings.month') },
              ]}
            />
            <InputNumber
              size="small"
              value={f.times}
              onChange={(v) => set({ ...f, times: v ?? 0 })}
              style={{ width: 60 }}
              data-testid={`freq-${path}-times`}
            />
            <span>{t('settings.times')}</span>
          </Space>
        )}
        {err && (
          <Typography.Text type="danger" style={{ marginLeft: 8 }} data-testid="freq-error">
            {err}
          </Typography.Text>
        )}
      </div>
    );
  };
  return (
    <Modal
      open
      width={720}
      title={t('settings.title')}
      okText={t('settings.save')}
      cancelText={t('cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <div style={{ maxHeight: '60vh', overflow: 'auto' }}>
        {VALUE_TIER_KEYS.map((tier) => (
          <div key={tier} style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              {t('settings.tier')} {tier}
            </Typography.Text>
            {VISIT_ROLES.map((role) =>
              row(`tiers.${tier}.${role}`, roleLabel(role), draft.tiers[tier][role], (f) =>
                setDraft((d) => ({ ...d, tiers: { ...d.tiers, [tier]: { ...d.tiers[tier], [role]: f } } })),
              ),
            )}
          </div>
        ))}
        <Typography.Text strong>{t('settings.prospects')}</Typography.Text>
        {PROSPECT_GRADE_KEYS.map((g) =>
          row(`prospects.${g}`, `${t('settings.grade')} ${g}`, draft.prospects[g], (f) =>
            setDraft((d) => ({ ...d, prospects: { ...d.prospects, [g]: f } })),
          ),
        )}
        <DaysOffFields draft={draft} errors={errors} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      </div>
    </Modal>
  );
}
