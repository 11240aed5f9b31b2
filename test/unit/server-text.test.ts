// Messages main stored as English sentences only (backup history entries and audit notes written
// before main stored message keys) read in Chinese where the sentence is one of main's messages.
import { describe, expect, it } from 'vitest';
import { matchEnglish, serverText } from '../../renderer/src/format/server-text';

const zh = (message: string) => serverText('zh-CN', { message });

describe('old English messages in the page language', () => {
  it('translates the known backup sentences with their values', () => {
    expect(zh('backup folder not found: /media/usb/bk — is the USB stick or drive plugged in?')).toBe(
      '找不到备份文件夹：/media/usb/bk——U 盘或移动硬盘插好了吗？',
    );
    expect(zh('not a folder: /tmp/a file.txt')).toBe('这不是文件夹：/tmp/a file.txt');
    expect(zh('wrong password for 2026-11-23.cdbak')).toBe('2026-11-23.cdbak 的密码不正确');
    expect(matchEnglish('wrong password for x.cdbak')).toEqual({
      key: 'backup_wrong_password',
      values: { name: 'x.cdbak' },
    });
  });

  it('fills the Chinese step name from the English one', () => {
    const m = matchEnglish('not enough free space on /media/usb to write the backup (disk full)');
    expect(m?.key).toBe('backup_disk_full');
    expect(zh('not enough free space on /media/usb to write the backup (disk full)')).toBe(
      '/media/usb 空间不足，无法写入备份（磁盘已满）',
    );
  });

  it('leaves a sentence it cannot translate completely as it was', () => {
    expect(zh('SQLITE_CORRUPT: database disk image is malformed')).toBe(
      'SQLITE_CORRUPT: database disk image is malformed',
    );
    // the Chinese of an I/O failure names the error code, which the English sentence does not carry
    expect(zh('failed to write the backup on /media/usb: EPERM whatever')).toBe(
      'failed to write the backup on /media/usb: EPERM whatever',
    );
    expect(serverText('en', { message: 'not a folder: /x' })).toBe('not a folder: /x');
    expect(serverText('zh-CN', { message: null })).toBeNull();
  });

  it('uses the stored key when there is one', () => {
    expect(
      serverText('zh-CN', { message: 'x', messageKey: 'backup_not_a_folder', messageValues: { dir: 'D:\\bk' } }),
    ).toBe('这不是文件夹：D:\\bk');
  });
});
