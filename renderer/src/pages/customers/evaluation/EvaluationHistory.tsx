// Saved evaluation sheets of a customer (newest first): print preview of the A4 sheet (the same
// HTML the print pipeline turns into PDF, with the bundled font), print, or use one as the draft.
import { useQuery } from '@tanstack/react-query';
import { App, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Customer } from '@shared/types';
import type { EvaluationRecord } from '@shared/types-evaluation';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { currentLang } from '../../../i18n';
import { isSensitive, printHtml, useSensitiveConfirm } from '../../statements/common';
import { useVt } from '../../visits/common';

export function EvaluationHistory({
  customer: c,
  onLoad,
}: {
  customer: Customer;
  onLoad: (e: EvaluationRecord) => void;
}) {
  const t = useVt();
  const { message } = App.useApp();
  const confirm = useSensitiveConfirm();
  const [preview, setPreview] = useState<{ html: string; title: string } | null>(null);
  const history = useQuery({
    queryKey: ['evaluation', c.id, 'history'],
    queryFn: () => call('evaluation:history', { customerId: c.id }),
  });
  const open = async (id: number) => {
    try {
      const out = await confirm(isSensitive(c.confidentiality), (confirmed) =>
        call('evaluation:html', { id, lang: currentLang(), confirmed: confirmed || undefined }),
      );
      if (out) setPreview({ html: out.html, title: out.title });
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };
  return (
    <div style={{ marginTop: 20 }}>
      <Typography.Title level={5}>{t('evaluation.history')}</Typography.Title>
      <Table<EvaluationRecord>
        size="small"
        rowKey="id"
        pagination={false}
        loading={history.isPending}
        dataSource={history.data ?? []}
        locale={{ emptyText: t('evaluation.noHistory') }}
        data-testid="evaluation-history"
        columns={[
          { title: t('evaluation.evaluatedOn'), dataIndex: 'evaluatedOn', width: 120 },
          { title: t('evaluation.period'), key: 'p', render: (_: unknown, e) => `${e.from} – ${e.to}` },
          { title: t('evaluation.evaluator'), dataIndex: 'evaluator', width: 120 },
          {
            title: t('evaluation.summary'),
            dataIndex: 'summary',
            ellipsis: true,
            render: (s: string | null) => s ?? '',
          },
          {
            title: '',
            key: 'a',
            width: 220,
            render: (_: unknown, e) => (
              <Space>
                <Button size="small" onClick={() => void open(e.id)} data-testid={`eval-print-${e.id}`}>
                  {t('evaluation.print')}
                </Button>
                {!c.readOnly && (
                  <Button size="small" type="link" onClick={() => onLoad(e)}>
                    {t('evaluation.load')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <Modal
          open
          width={880}
          title={`${t('evaluation.preview')} · ${preview.title}`}
          onCancel={() => setPreview(null)}
          footer={[
            <Button key="c" onClick={() => setPreview(null)}>
              {t('cancel')}
            </Button>,
            <Button key="p" type="primary" onClick={() => printHtml(preview.html)} data-testid="eval-print-now">
              {t('evaluation.print')}
            </Button>,
          ]}
        >
          <iframe
            title={preview.title}
            srcDoc={preview.html}
            sandbox="allow-same-origin allow-modals"
            style={{ width: '100%', height: '70vh', border: '1px solid #ddd', background: '#e9ecef' }}
            data-testid="eval-preview"
          />
        </Modal>
      )}
    </div>
  );
}
