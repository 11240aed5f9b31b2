// antd's theme tokens and component CSS variables built ahead (renderer/build/antd-static-styles.ts,
// components/prebuilt-style-cache.ts): rendered under a cache filled with them, antd works out
// none of them again; under an empty cache it does (the cost this saves at every start).
import { createCache, StyleProvider } from '@ant-design/cssinjs';
import { Button, ConfigProvider, Spin } from 'antd';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { antdStaticTokenCache } from '../../renderer/build/antd-static-styles';
import { fillStyleCache } from '../../renderer/src/components/style-cache-fill';
import { APP_THEME } from '../../renderer/src/theme';

/** Token and CSS-variable entries computed while rendering a button and a spinner under `cache`. */
function computedEntries(cache: ReturnType<typeof createCache>): string[] {
  const computed: string[] = [];
  const opUpdate = cache.opUpdate.bind(cache);
  cache.opUpdate = (key, update) =>
    opUpdate(key, (prev) => {
      if (!prev && /^(token|cssVar)%/.test(key))
        computed.push(key.startsWith('token%') ? 'token' : key.split('%').slice(0, 2).join('%'));
      return update(prev);
    });
  renderToString(
    <StyleProvider cache={cache}>
      <ConfigProvider theme={APP_THEME}>
        <Button type="primary">x</Button>
        <Spin />
      </ConfigProvider>
    </StyleProvider>,
  );
  return computed;
}

describe('antd token cache built ahead', () => {
  const entries = antdStaticTokenCache(['Button', 'Spin']);

  it('holds the theme and the components under a fixed CSS-variable key', () => {
    expect(entries.filter(([k]) => k.startsWith('token%'))).toHaveLength(1);
    const vars = entries.filter(([k]) => k.startsWith('cssVar%')).map(([k]) => k.split('%').slice(1, 3).join(' '));
    expect(vars).toEqual(expect.arrayContaining(['Button css-var-app', 'Spin css-var-app']));
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries); // survives the trip through JSON
  });

  it('leaves nothing to work out at run time under a filled cache', () => {
    expect(computedEntries(createCache())).toEqual(expect.arrayContaining(['token', 'cssVar%Button']));
    const filled = fillStyleCache(createCache(), JSON.parse(JSON.stringify(entries)) as [string, unknown][]);
    expect(computedEntries(filled)).toEqual([]);
  });
});
