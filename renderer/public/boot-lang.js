/* global document, localStorage, location */
// Runs as soon as it arrives, usually before the boot shell in index.html paints (async): puts the user's
// saved language on <html lang> (the shell shows the text in that language only) and says
// whether the app opens on the customer list (the shell's list title and highlighted menu item).
// Then it starts the downloads of the first screen's code that the app's bundle would ask for only
// once it has run: the language's catalogue and, opening on the list, the list's page chunks
// (a modulepreload each; the file names are in index.html's #boot-chunks, written at build time
// by renderer/build/first-screen-chunks.ts).
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
  var onList = /^#?\/?(customers\/?)?$/.test(location.hash);
  root.setAttribute('lang', lang);
  root.setAttribute('data-boot-page', onList ? 'customers' : 'other');

  var data = document.getElementById('boot-chunks');
  if (!data) return; // the development server: no built chunks
  var chunks;
  try {
    chunks = JSON.parse(data.textContent);
  } catch (e) {
    return;
  }
  var files = (chunks.lang[lang] || []).concat(onList ? chunks.customers : []);
  files.forEach(function (file) {
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = ''; // as Vite's own modulepreload links and module scripts
    link.href = './' + file;
    document.head.appendChild(link);
  });
})();
