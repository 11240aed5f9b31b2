// The details of a failed backup, verify or restore, in both languages (the backup page shows
// them under the translated problem; the CLI prints them). Part of SERVER_MESSAGES. `action`
// values are the English step names of main/db/backup (ioError); `actionZh` their Chinese.
export const BACKUP_MESSAGES = {
  backup_disk_full: {
    en: 'not enough free space on {where} to {action} (disk full)',
    zh: '{where} 空间不足，无法{actionZh}（磁盘已满）',
  },
  backup_target_gone: {
    en: '{where} is no longer available while trying to {action} — was the USB stick or drive removed? ({code})',
    zh: '{actionZh}时 {where} 已不可用——U 盘或移动硬盘是否被拔出？（{code}）',
  },
  backup_target_unwritable: {
    en: 'cannot write to {where} to {action}: permission denied or read-only ({code})',
    zh: '无法写入 {where}（{actionZh}）：没有权限或磁盘只读（{code}）',
  },
  backup_io_failed: { en: 'failed to {action} on {where}: {detail}', zh: '在 {where} {actionZh}失败：{detail}' },
  backup_folder_not_found: {
    en: 'backup folder not found: {dir} — is the USB stick or drive plugged in?',
    zh: '找不到备份文件夹：{dir}——U 盘或移动硬盘插好了吗？',
  },
  backup_not_a_folder: { en: 'not a folder: {dir}', zh: '这不是文件夹：{dir}' },
  backup_file_not_found: { en: 'backup file not found: {file}', zh: '找不到备份文件：{file}' },
  backup_password_required: { en: '{name} is encrypted: a password is needed', zh: '{name} 已加密：需要输入密码' },
  backup_wrong_password: { en: 'wrong password for {name}', zh: '{name} 的密码不正确' },
} as const;

/** Chinese of the step names that ioError() reports. */
export const BACKUP_ACTION_ZH: Record<string, string> = {
  'create the backup file': '创建备份文件',
  'finish the backup': '完成备份',
  'open the backup folder': '打开备份文件夹',
  'prepare the book folder': '准备账套文件夹',
  'replace the book': '替换账套',
  'save the current book aside': '另存当前账套',
  'verify the backup': '校验备份',
  'write the backup': '写入备份',
};
