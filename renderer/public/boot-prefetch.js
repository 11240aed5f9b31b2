/* global window, location, URL, sessionStorage, fetch */
// Boot prefetch (plain script, runs while index.html is parsed, long before the app's bundle has
// been evaluated): asks main for what the first screen needs — app info, the regions and, when
// the app opens on the customer list, that list's first page — so main works on them while the
// browser is still compiling the app. The app takes each answer once (api/prefetched.ts) when it
// makes the very same call; a failed or late answer is ignored and the call is made afresh.
// Keep FIRST_LIST_PAGE equal to the list's first request (customers/list/useCustomerPages.ts).
(function () {
  'use strict';
  var FIRST_LIST_PAGE = { filter: {}, sort: 'code', order: 'asc', offset: 0, limit: 200 };
  var calls = [
    ['app:info', {}],
    ['regions:list', {}],
  ];
  if (/^#?\/?(customers\/?)?$/.test(location.hash)) calls.push(['customers:list', FIRST_LIST_PAGE]);
  // the 客户分析 page's ranking (its Pareto chart paints first) and tier settings
  if (/^#\/analysis/.test(location.hash)) calls.push(['analysis:ranking', {}], ['analysis:tier-settings', {}]);

  function token() {
    var fromUrl = new URL(location.href).searchParams.get('token');
    if (fromUrl) return fromUrl;
    try {
      return sessionStorage.getItem('creditdesk.token') || '';
    } catch (e) {
      return '';
    }
  }

  function send(channel, input) {
    if (window.api) return window.api[channel](input); // desktop window: the preload's bridge
    return fetch('/ipc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-creditdesk-token': token() },
      body: JSON.stringify(input),
    }).then(function (res) {
      return res.ok ? res.json() : null;
    });
  }

  if (!window.api && location.protocol !== 'http:') return;
  var answers = {};
  calls.forEach(function (c) {
    answers[c[0] + ' ' + JSON.stringify(c[1])] = send(c[0], c[1]).catch(function () {
      return null;
    });
  });
  window.__creditdeskPrefetch = answers;
})();
