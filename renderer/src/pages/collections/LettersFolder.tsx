// Where batch letters go: the desktop app opens the native folder dialog; browser mode types the
// folder (as the backup page does). Empty: letters/ under the app's data folder. The last choice
// is remembered on this computer.
import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import type { CreditdeskShell } from '@shared/ipc/shell';
import { useRt } from './runs-i18n';

const KEY = 'creditdesk.lettersDir';

export function useLettersDir(): [string, (dir: string) => void] {
  const [dir, setDir] = useState(() => localStorage.getItem(KEY) ?? '');
  return [
    dir,
    (d: string) => {
      setDir(d);
      localStorage.setItem(KEY, d);
    },
  ];
}

export function LettersFolder({ value, onChange }: { value: string; onChange: (dir: string) => void }) {
  const t = useRt();
  const shell = (window as { creditdeskShell?: CreditdeskShell }).creditdeskShell;
  return (
    <Space.Compact style={{ width: 460 }}>
      <Input
        addonBefore={t('letters.folder')}
        value={value}
        maxLength={1000}
        placeholder={t('letters.folderPlaceholder')}
        onChange={(e) => onChange(e.target.value)}
        allowClear
        data-testid="letters-dir"
      />
      {shell?.chooseFolder && (
        <Button
          icon={<FolderOpenOutlined />}
          onClick={() => void shell.chooseFolder(value || undefined).then((d) => d && onChange(d))}
          data-testid="letters-dir-choose"
        >
          {t('letters.choose')}
        </Button>
      )}
    </Space.Compact>
  );
}
