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
  // the rarer problems with a backup file (#16): each in both languages, no English detail left
  backup_not_a_file: {
    en: '{name} is not a file, not a CreditDesk backup',
    zh: '{name} 不是文件，不是 CreditDesk 备份',
  },
  backup_unfinished: {
    en: '{name} is an unfinished backup left by an interrupted backup run; it cannot be used',
    zh: '{name} 是一次被中断的备份留下的未完成文件，不能使用',
  },
  backup_empty: { en: '{name} is empty: not a CreditDesk backup', zh: '{name} 是空文件，不是 CreditDesk 备份' },
  backup_is_sqlite: {
    en: '{name} is a SQLite database, not a CreditDesk backup (.cdbak); to use a book file, open it instead of restoring',
    zh: '{name} 是数据库文件，不是 CreditDesk 备份文件；若要使用账套文件，请直接打开它，而不是恢复',
  },
  backup_unknown_format: {
    en: '{name} is a CreditDesk backup of an unknown format version ({version}); a newer CreditDesk is needed',
    zh: '{name} 是未知格式版本（{version}）的 CreditDesk 备份，需要更新版本的 CreditDesk',
  },
  backup_truncated: {
    en: '{name} is truncated: only {size} bytes remain of the backup',
    zh: '{name} 不完整：备份只剩 {size} 字节',
  },
  backup_unknown_contents: {
    en: '{name} is not a CreditDesk backup (unknown file contents)',
    zh: '{name} 不是 CreditDesk 备份（无法识别的文件内容）',
  },
  backup_manifest_length: {
    en: "{name}: the backup's manifest is damaged (impossible length {length})",
    zh: '{name}：备份的清单已损坏（长度 {length} 不可能）',
  },
  backup_truncated_manifest: {
    en: '{name} is truncated: the file ends inside its manifest ({size} bytes)',
    zh: '{name} 不完整：文件在清单中途结束（{size} 字节）',
  },
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
