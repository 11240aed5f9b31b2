// The customer card's 服务与忠诚度 tab (SPEC §7): loyalty type, follow-up tasks and satisfaction.
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { useAppInfo } from '../../../hooks/queries';
import { serviceKey } from './common';
import './i18n';
import { LoyaltySection } from './LoyaltySection';
import { SatisfactionSection } from './SatisfactionSection';
import { TasksSection } from './TasksSection';

export function ServiceTab({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const q = useQuery({ queryKey: serviceKey(customerId), queryFn: () => call('service:customer', { customerId }) });
  readOnly = readOnly || info.data?.currentOperator?.role === 'viewer';
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" title={errorText(t, q.error)} />;
  const s = q.data;
  return (
    <Row gutter={[16, 16]} data-testid="customer-service">
      <Col xs={24} xl={10}>
        <LoyaltySection customerId={customerId} loyalty={s.loyalty} readOnly={readOnly} />
      </Col>
      <Col xs={24} xl={14}>
        <SatisfactionSection customerId={customerId} records={s.satisfaction} today={s.asOf} readOnly={readOnly} />
      </Col>
      <Col span={24}>
        <TasksSection customerId={customerId} tasks={s.tasks} today={s.asOf} readOnly={readOnly} />
      </Col>
    </Row>
  );
}
