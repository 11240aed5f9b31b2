// Strings of browser mode's read-only offer, in their own i18next namespace 'bookOffer'.
import i18n from 'i18next';

const zhCN = {
  title: '无法以可写方式打开账套',
  readOnlyHelp: '可以只读打开它：能查看、查询、导出和打印，但不能保存任何修改。',
  openReadOnly: '只读打开',
  retry: '重试',
  readonlyTag: '只读',
  readonlyTagHelp: '此账套以只读方式打开，不能保存修改',
};

const en: typeof zhCN = {
  title: 'This book cannot be opened for writing',
  readOnlyHelp: 'You can open it read-only: view, search, export and print, but no change can be saved.',
  openReadOnly: 'Open read-only',
  retry: 'Try again',
  readonlyTag: 'Read-only',
  readonlyTagHelp: 'This book is open read-only: changes cannot be saved',
};

export const BOOK_OFFER_NS = 'bookOffer';
export const bookOfferStrings = { 'zh-CN': zhCN, en } as const;

function register(): void {
  for (const [lang, strings] of Object.entries(bookOfferStrings)) {
    if (!i18n.hasResourceBundle(lang, BOOK_OFFER_NS)) i18n.addResourceBundle(lang, BOOK_OFFER_NS, strings, true, false);
  }
}

if (i18n.store) register();
else i18n.on('initialized', register);

export default i18n;
