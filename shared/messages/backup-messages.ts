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
  // the system's own detail is English: the Chinese text names its error code instead
  backup_io_failed: { en: 'failed to {action} on {where}: {detail}', zh: '在 {where} {actionZh}失败（{code}）' },
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
  // every other failure of create, verify and restore (#16). `{detail}` is SQLite's or the
  // system's own English text: only the English sentence carries it.
  backup_cannot_read: { en: 'cannot read {file}: {detail}', zh: '无法读取 {file}（{code}）' },
  backup_manifest_unreadable: {
    en: "{name}: the backup's manifest is damaged (not readable)",
    zh: '{name}：备份的清单已损坏（无法读取）',
  },
  backup_manifest_incomplete: {
    en: "{name}: the backup's manifest is damaged or incomplete",
    zh: '{name}：备份的清单已损坏或不完整',
  },
  backup_manifest_altered: {
    en: "{name}: the backup's manifest was altered or damaged (manifest checksum mismatch)",
    zh: '{name}：备份的清单被改动或已损坏（清单校验和不符）',
  },
  backup_other_format: {
    en: '{name} uses backup format {format}; this CreditDesk reads format {supported} — please update the app',
    zh: '{name} 使用第 {format} 版备份格式，本程序只能读取第 {supported} 版——请更新 CreditDesk',
  },
  backup_foreign_app: {
    en: '{name} is not a CreditDesk backup (made by "{app}")',
    zh: '{name} 不是 CreditDesk 备份（由其他程序生成）',
  },
  backup_manifest_swapped: {
    en: '{name}: the manifest does not belong to this backup (it was swapped or tampered with)',
    zh: '{name}：清单不属于这个备份（被调换或篡改过）',
  },
  backup_size_mismatch: {
    en: '{name} is damaged: {size} bytes, but its manifest describes {expected}',
    zh: '{name} 已损坏：文件有 {size} 字节，但清单记载的是 {expected} 字节',
  },
  backup_truncated_of: {
    en: '{name} is truncated: {size} of {expected} bytes (was the copy interrupted?)',
    zh: '{name} 不完整：只有 {expected} 字节中的 {size} 字节（复制是否被中断？）',
  },
  backup_end_marker: {
    en: '{name} is damaged: its end marker is missing or overwritten',
    zh: '{name} 已损坏：文件结尾标记缺失或被覆盖',
  },
  backup_newer_schema: {
    en: '{name} was made by a newer CreditDesk ({appVersion}, schema {schema}; this app knows schema {known}) — please update CreditDesk first',
    zh: '{name} 由更新版本的 CreditDesk（{appVersion}，账套格式 {schema}）生成，本程序只认识账套格式 {known}——请先更新 CreditDesk',
  },
  backup_kdf_refused: {
    en: '{name} asks for key-derivation settings this CreditDesk does not accept (scrypt N={N}, r={r}, p={p}); it was not made by CreditDesk',
    zh: '{name} 要求的密钥参数本程序不接受，它不是 CreditDesk 生成的备份',
  },
  backup_cipher_damaged: {
    en: "{name}: the backup's encryption parameters are damaged",
    zh: '{name}：备份的加密参数已损坏',
  },
  backup_sealed_damaged: {
    en: "{name}: the backup's sealed details are damaged",
    zh: '{name}：备份中加密保存的信息已损坏',
  },
  backup_payload_short: { en: '{name} is truncated: the payload ends early', zh: '{name} 不完整：数据提前结束' },
  backup_auth_failed: {
    en: '{name} is damaged or was tampered with: the encrypted contents fail authentication (the password is right)',
    zh: '{name} 已损坏或被篡改：加密内容未通过验证（密码是正确的）',
  },
  backup_checksum: {
    en: '{name} is damaged: checksum mismatch (the contents changed since the backup was made)',
    zh: '{name} 已损坏：校验和不符（备份之后内容被改动过）',
  },
  backup_no_book: { en: '{name} does not contain a CreditDesk book', zh: '{name} 里没有 CreditDesk 账套' },
  backup_inner_unreadable: {
    en: '{name}: the book inside is damaged and cannot be read ({detail})',
    zh: '{name}：备份里的账套已损坏，无法读取',
  },
  backup_inner_integrity: {
    en: "{name}: the book inside fails SQLite's integrity check: {detail}",
    zh: '{name}：备份里的账套未通过数据库完整性检查',
  },
  backup_row_counts: {
    en: '{name}: row counts differ from the manifest ({detail})',
    zh: '{name}：有 {count} 张表的行数与清单不符',
  },
  backup_inner_not_book: { en: '{name}: refused — {detail}', zh: '{name}：拒绝恢复——备份里的不是 CreditDesk 账套' },
  backup_inner_schema: {
    en: '{name}: refused — {detail}',
    zh: '{name}：拒绝恢复——备份里账套的格式版本与清单记载的不符',
  },
  backup_inner_structure: {
    en: '{name}: refused — {detail}',
    zh: '{name}：拒绝恢复——备份里账套的结构与 CreditDesk 的不同',
  },
  backup_inner_foreign_keys: {
    en: '{name}: refused — {detail}',
    zh: '{name}：拒绝恢复——备份里账套的数据引用不一致',
  },
  backup_no_source: { en: 'createBackup needs either sqlite or dbPath', zh: '备份需要指定账套' },
  backup_target_gone_verify: {
    en: '{dir} is no longer available while verifying the backup — was the USB stick or drive removed?',
    zh: '校验备份时 {dir} 已不可用——U 盘或移动硬盘是否被拔出？',
  },
  backup_readback_failed: {
    en: 'the backup written to {dir} did not read back correctly ({detail}); the target may be failing — try another drive',
    zh: '写入 {dir} 的备份读回时不正确（{detailZh}）；目标磁盘可能有故障——请换一个磁盘',
  },
  backup_book_not_found: { en: 'book not found or not readable: {db}', zh: '找不到账套或无法读取：{db}' },
  backup_book_damaged: {
    en: 'the book is damaged and cannot be backed up: {detail}',
    zh: '账套已损坏，无法备份',
  },
  backup_temp_full: {
    en: 'not enough free space in the temporary folder for the snapshot',
    zh: '临时文件夹空间不足，无法复制账套',
  },
  backup_snapshot_failed: {
    en: 'could not take a consistent copy of the book: {detail}',
    zh: '无法得到账套的一致副本，请稍后再试',
  },
  backup_book_unopenable: { en: 'cannot open the book {db}: {detail}', zh: '无法打开账套 {db}（文件可能已损坏）' },
  backup_book_unreadable: {
    en: 'the book cannot be read, a backup of it would not restore: {detail}',
    zh: '账套无法读取，它的备份将无法恢复',
  },
  backup_book_integrity: {
    en: "the book fails SQLite's integrity check, a backup of it would not restore: {detail}",
    zh: '账套未通过数据库完整性检查，它的备份将无法恢复',
  },
  backup_too_many: {
    en: 'too many backups named for {company} at the same second in {dir}',
    zh: '{dir} 中同一秒内 {company} 的备份太多',
  },
  backup_payload_changed: {
    en: 'payload size changed while writing ({done} != {expected})',
    zh: '写入时数据大小发生了变化（{done} 字节，应为 {expected} 字节）',
  },
  backup_book_in_use: {
    en: 'cannot restore: the book is open in another CreditDesk window/process (pid {pid}, since {since}); close it first',
    zh: '无法恢复：账套正在另一个 CreditDesk 窗口或进程中打开（进程号 {pid}，自 {since} 起），请先关闭它',
  },
  backup_checkpoint_busy: {
    en: 'cannot restore: the book is being used by another process (checkpoint busy); close CreditDesk first',
    zh: '无法恢复：账套正被另一个进程使用，请先关闭 CreditDesk',
  },
  backup_journal_busy: {
    en: 'cannot restore: the book is being used by another process (its journal is not empty); close CreditDesk first',
    zh: '无法恢复：账套正被另一个进程使用（日志文件不为空），请先关闭 CreditDesk',
  },
  backup_usb_missing: { en: 'USB target not plugged in: {dir}', zh: 'U 盘未插入：{dir}' },
  backup_usb_read_only: { en: 'USB target is read-only: {dir}', zh: 'U 盘只读，无法写入：{dir}' },
  backup_password_file_unreadable: {
    en: 'cannot read the password file {file}: {code}',
    zh: '无法读取密码文件 {file}（{code}）',
  },
  backup_password_file_empty: { en: 'the password file {file} is empty', zh: '密码文件 {file} 是空的' },
} as const;

/** Chinese of the step names that ioError() reports. */
export const BACKUP_ACTION_ZH: Record<string, string> = {
  'create the backup file': '创建备份文件',
  'finish the backup': '完成备份',
  'open the backup folder': '打开备份文件夹',
  'prepare the book folder': '准备账套文件夹',
  'read the backup': '读取备份',
  'replace the book': '替换账套',
  'save the current book aside': '另存当前账套',
  'verify the backup': '校验备份',
  'write the backup': '写入备份',
};
