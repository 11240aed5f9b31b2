/* global document, localStorage, location */
// Runs as soon as it arrives, usually before the boot shell in index.html paints (async): puts the user's
// saved language on <html lang> (the shell shows the text in that language only) and says
// whether the app opens on the customer list (the shell's list title and highlighted menu item).
// Keep LANG_KEY equal to renderer/src/i18n/index.ts and the route test equal to boot-prefetch.js.
(function () {
  'use strict';
  var LANG_KEY = 'creditdesk.lang';
  var lang = 'zh-CN';
  try {
    if (localStorage.getItem(LANG_KEY) === 'en') lang = 'en';
  } catch (e) {
    /* storage unavailable: the default language */
  }
  var root = document.documentElement;
  root.setAttribute('lang', lang);
  root.setAttribute('data-boot-page', /^#?\/?(customers\/?)?$/.test(location.hash) ? 'customers' : 'other');
})();
