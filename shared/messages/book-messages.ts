// Messages about the book file itself (opening, lock, schema, disk), in both languages: they
// reach the user in the open-book dialog, the welcome page, browser mode's start-up and the CLI.
// Part of SERVER_MESSAGES (server-messages.ts); values named `…Zh` carry the Chinese wording of
// a part that main words in English (who holds the lock, where).
export const BOOK_MESSAGES = {
  book_folder_missing: { en: "the book's folder does not exist: {dir}", zh: '账套所在的文件夹不存在：{dir}' },
  lock_create_failed: { en: 'cannot create the book lock {file}: {detail}', zh: '无法创建账套锁文件 {file}：{detail}' },
  book_in_use: {
    en: 'this book is open in another CreditDesk window/process ({who}, pid {pid}{where}, since {since}{self}); close it there first',
    zh: '这个账套已在另一个 CreditDesk 窗口或进程中打开（{whoZh}，进程号 {pid}{whereZh}，自 {since} 起{selfZh}），请先在那里关闭',
  },
  book_in_use_doubt: {
    en: 'this book is open in another CreditDesk window/process ({who}, pid {pid}{where}, since {since}{self}); close it there first. If you are sure no CreditDesk is using this book (for example after a crash and a restart), choose "open anyway" — two programs writing one book at once can damage it',
    zh: '这个账套似乎已在另一个 CreditDesk 窗口或进程中打开（{whoZh}，进程号 {pid}{whereZh}，自 {since} 起{selfZh}）。如果确定没有 CreditDesk 在使用它（例如程序崩溃或重启之后），可以选择“仍然打开”——两个程序同时写一个账套可能损坏账套',
  },
  lock_contended: {
    en: 'could not take the book lock {file}: another process keeps changing it',
    zh: '无法取得账套锁 {file}：另一个进程在不断修改它',
  },
  cannot_read_book: { en: 'cannot read the book {file}: {detail}', zh: '无法读取账套 {file}：{detail}' },
  not_a_book_detail: {
    en: 'not a CreditDesk book ({detail}): {file}',
    zh: '这不是 CreditDesk 账套（{detail}）：{file}',
  },
  not_a_book_not_file: {
    en: 'not a CreditDesk book (not a file): {file}',
    zh: '这不是 CreditDesk 账套（不是文件）：{file}',
  },
  not_a_book: {
    en: 'not a CreditDesk book: {file} (nothing was changed)',
    zh: '这不是 CreditDesk 账套：{file}（文件未作任何改动）',
  },
  book_read_only_disk: {
    en: 'this book is on a read-only disk: open it read-only or copy it to your PC: {file}',
    zh: '账套在只读磁盘上：请以只读方式打开，或先复制到本机：{file}',
  },
  book_read_only_unsaved_journal: {
    en: 'this book is on a read-only disk and its journal ({file}-wal) still holds changes that only a writable disk can finish: copy the book together with its -wal file to your PC and open it there',
    zh: '账套在只读磁盘上，且旁边的同名日志文件中还有尚未并入账套的改动，只读磁盘上无法完成：请把账套连同同名日志文件一起复制到本机后再打开：{file}',
  },
  book_no_write_permission: {
    en: 'no permission to write the book {file}: open it read-only or copy it to your PC',
    zh: '没有写入账套 {file} 的权限：请以只读方式打开，或先复制到本机',
  },
  book_needs_update_read_only: {
    en: "this book needs updating to this CreditDesk's format, which a read-only copy cannot do: copy it to your PC first",
    zh: '这个账套需要升级到本版 CreditDesk 的格式，只读打开时无法升级：请先复制到本机',
  },
  book_newer_schema: {
    en: 'this book was written by a newer CreditDesk (schema {applied} > {known}); please update the app',
    zh: '这个账套由更新版本的 CreditDesk 写入（格式版本 {applied}，本程序只认识到 {known}），请先升级程序',
  },
  migration_failed: {
    en: 'migration {name} failed: {detail}',
    zh: '账套升级（{name}）失败：{detail}。账套未作改动，请联系技术支持',
  },
  disk_full: { en: 'the disk is full — nothing was saved', zh: '磁盘已满，本次没有保存任何内容' },
  book_read_only: {
    en: 'this book is on a read-only disk: open it read-only or copy it to your PC',
    zh: '账套在只读磁盘上：请以只读方式打开，或先复制到本机',
  },
  disk_write_failed: {
    en: 'the disk could not be written ({code}) — nothing was saved',
    zh: '无法写入磁盘（{code}），本次没有保存任何内容',
  },
} as const;

/** Who holds a lock, in both languages (lock files record the purpose). */
export const LOCK_PURPOSE_TEXT: Record<string, { en: string; zh: string }> = {
  app: { en: 'a CreditDesk window', zh: 'CreditDesk 窗口' },
  cli: { en: 'a creditdesk command', zh: 'creditdesk 命令行' },
  serve: { en: 'CreditDesk browser mode (creditdesk serve)', zh: 'CreditDesk 浏览器模式（creditdesk serve）' },
};
