// Renderer entry: i18n, antd (locale + bundled CJK font), react-query, hash router.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// antd's styles pre-rendered at build time (renderer/build/antd-static-styles.ts), before the
// app's own so that these still override antd's
import 'virtual:antd-static.css';
import './styles.css';
import { initialLangLoaded } from './i18n';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { ApiError } from './api/client';
import { AppProviders } from './components/AppProviders';
import { Root } from './Root';
import { qk } from './hooks/queries';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, e) => !(e instanceof ApiError) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
  // An operator session can end (main restarted): any NO_OPERATOR sends us back to the gate.
  queryCache: new QueryCache({ onError: (e) => onApiError(e) }),
  mutationCache: new MutationCache({ onError: (e) => onApiError(e) }),
});

function onApiError(e: unknown) {
  if (e instanceof ApiError && e.code === 'NO_OPERATOR') void queryClient.invalidateQueries({ queryKey: qk.appInfo });
}

// the start language's catalogue (requested when i18n/index.ts ran, beside the other chunks)
await initialLangLoaded.catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppProviders>
        <HashRouter>
          <Root />
        </HashRouter>
      </AppProviders>
    </QueryClientProvider>
  </StrictMode>,
);
