// Regions (区域): list + add/edit through regions:upsert (code is the key).
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '@shared/types';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { qk, useRegions } from '../../hooks/queries';

export function RegionsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const regions = useRegions();
  const [editing, setEditing] = useState<Region | 'new' | null>(null);
  const [form] = Form.useForm<{ code: string; name: string; area?: string | null }>();
  const save = useMutation({
    mutationFn: (v: { code: string; name: string; area?: string | null }) =>
      call('regions:upsert', { code: v.code.trim(), name: v.name.trim(), area: v.area?.trim() || null }),
    onSuccess: () => {
      setEditing(null);
      void qc.invalidateQueries({ queryKey: qk.regions });
      void message.success(t('common.saved'));
    },
  });
  const open = (r: Region | 'new') => {
    save.reset();
    setEditing(r);
    form.setFieldsValue(
      r === 'new' ? { code: '', name: '', area: '' } : { code: r.code, name: r.name, area: r.area ?? '' },
    );
  };
  const req = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <div style={{ maxWidth: 860 }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => open('new')}
        style={{ marginBottom: 12 }}
        data-testid="add-region"
      >
        {t('settings.addRegion')}
      </Button>
      <Table<Region>
        size="small"
        rowKey="code"
        loading={regions.isPending}
        dataSource={regions.data ?? []}
        pagination={false}
        data-testid="regions-table"
        columns={[
          {
            title: t('settings.regionCode'),
            dataIndex: 'code',
            width: 140,
            render: (c: string) => <span className="code">{c}</span>,
          },
          { title: t('settings.regionName'), dataIndex: 'name', width: 200 },
          { title: t('settings.regionArea'), dataIndex: 'area', render: (a: string | null) => a ?? '—' },
          {
            title: t('common.actions'),
            key: 'edit',
            width: 100,
            render: (_: unknown, r) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open(r)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('settings.addRegion') : t('settings.editRegion')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: save.isPending }}
        onOk={() => void form.validateFields().then((v) => save.mutate(v))}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('settings.regionCode')} rules={req}>
            <Input maxLength={20} disabled={editing !== 'new'} className="code" />
          </Form.Item>
          <Form.Item name="name" label={t('settings.regionName')} rules={req}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="area" label={t('settings.regionArea')}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
        {save.isError && <Alert type="error" title={errorText(t, save.error)} />}
      </Modal>
    </div>
  );
}
