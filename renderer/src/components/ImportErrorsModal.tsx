// Every bad row and field of a refused import (nothing was written: imports are one transaction).
import { Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowError } from '@shared/result';
import { issueText } from '../format/errors';

export function ImportErrorsModal(props: {
  rows: RowError[] | null;
  onClose: () => void;
  title: string;
  intro: string;
  labels: { row: string; field: string; message: string };
  fieldLabel: (field: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { rows, onClose } = props;
  return (
    <Modal
      open={rows !== null}
      title={props.title}
      width={760}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{props.intro}</Typography.Paragraph>
      <Table<RowError & { k: number }>
        data-testid={props.testId}
        size="small"
        rowKey="k"
        pagination={rows && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={(rows ?? []).map((r, k) => ({ ...r, k }))}
        columns={[
          { title: props.labels.row, dataIndex: 'row', width: 70, align: 'right' },
          { title: props.labels.field, dataIndex: 'field', width: 180, render: (f: string) => props.fieldLabel(f) },
          { title: props.labels.message, dataIndex: 'message', render: (m: string) => issueText(t, m) },
        ]}
      />
    </Modal>
  );
}
