// Strings of the first-start page, in their own i18next namespace 'welcome' (zh-CN default, en).
import i18n from 'i18next';

const zhCN = {
  title: '欢迎使用 CreditDesk 客户信用管理',
  intro: '这是一个空账套。可以先建立自己公司的账套，或者打开一个演示账套随便看看。',
  setUp: {
    title: '建立我的公司账套',
    help: '公司名称和抬头会印在对账单上；以后可以在“设置”里修改。',
    name: '公司名称',
    address: '地址',
    phone: '电话',
    taxId: '纳税人识别号',
    bankAccount: '开户行及账号',
    operator: '第一位操作员（您的姓名）',
    operatorHelp: '账套里的每一次修改都会记下操作员。',
    password: '密码（可不填）',
    passwordHelp: '设置后，每次打开账套都要输入密码。',
    submit: '建立账套',
    done: '账套已建立：{{name}}',
  },
  demo: {
    title: '打开演示账套看看',
    help: '一家虚构的商贸公司：300 个客户、两年的发票和收款、账龄、对账单都有。演示账套是单独的文件，不会影响您的账套；随时可以从“文件 ▸ 切换账套”回来。',
    open: '打开演示账套',
    opening: '正在生成演示账套…',
  },
  steps: {
    title: '首先要做的事',
    customers: '1. 客户档案',
    customersHelp: 'CSV 或 Excel，第一行是列名（编码、名称、类型、区域、账期天数、信用额度…），也可以逐个新建。',
    newCustomer: '新建客户',
    invoices: '2. 应收发票',
    invoicesHelp: '每行一张发票：客户编码、发票号、开票日期、到期日、金额。',
    receipts: '3. 收款',
    receiptsHelp: '收款会按规则自动核销到发票；之后就可以看账龄分析和出对账单了。',
    later: '稍后再说，先看客户列表',
  },
  errors: {
    not_empty: '这个账套里已经有客户或单据，不能再作为新账套建立。',
    operators_exist: '这个账套已经有多位操作员，请在“设置”里管理。',
  },
};

const en: typeof zhCN = {
  title: 'Welcome to CreditDesk',
  intro: "This book is empty. Set up your own company's book, or open a demo book to look around.",
  setUp: {
    title: "Create my company's book",
    help: 'The company name and header are printed on statements; you can change them later in Settings.',
    name: 'Company name',
    address: 'Address',
    phone: 'Phone',
    taxId: 'Tax ID',
    bankAccount: 'Bank and account',
    operator: 'First operator (your name)',
    operatorHelp: 'Every change in the book records who made it.',
    password: 'Password (optional)',
    passwordHelp: 'With a password, the book asks for it every time it opens.',
    submit: 'Create the book',
    done: 'The book is set up: {{name}}',
  },
  demo: {
    title: 'Open a demo book to look around',
    help: 'A made-up trading company: 300 customers, two years of invoices and receipts, ageing and statements. The demo is a separate file and leaves your book alone; come back any time with File ▸ Switch book.',
    open: 'Open the demo book',
    opening: 'Making the demo book…',
  },
  steps: {
    title: 'What to do first',
    customers: '1. Your customers',
    customersHelp:
      'CSV or Excel with a header row (code, name, kind, region, payment terms, credit limit…), or add them one by one.',
    newCustomer: 'New customer',
    invoices: '2. Open invoices',
    invoicesHelp: 'One invoice a row: customer code, number, issue date, due date, amount.',
    receipts: '3. Receipts',
    receiptsHelp: 'Receipts are applied to invoices by the rules; then the ageing report and statements are ready.',
    later: 'Later — show me the customer list',
  },
  errors: {
    not_empty: 'This book already has customers or documents, so it cannot be set up as a new book.',
    operators_exist: 'This book already has several operators; manage them in Settings.',
  },
};

export const WELCOME_NS = 'welcome';
export const welcomeStrings = { 'zh-CN': zhCN, en } as const;

function register(): void {
  for (const [lang, strings] of Object.entries(welcomeStrings)) {
    if (!i18n.hasResourceBundle(lang, WELCOME_NS)) i18n.addResourceBundle(lang, WELCOME_NS, strings, true, false);
  }
}

if (i18n.store) register();
else i18n.on('initialized', register);

export default i18n;
