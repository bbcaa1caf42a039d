import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { startLiveSync } from './lib/live-sync'
import { applyInitialTheme } from './lib/theme'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/components.css'
import './styles/messages.css'
import './styles/inspector.css'
import './styles/groups.css'

applyInitialTheme()

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 2_000, retry: 1, refetchOnWindowFocus: false },
  },
})

async function boot(): Promise<void> {
  // Dev-only stand-in for the backend (`vite` dev server with ?fake); the import is dropped from production builds.
  if (import.meta.env.DEV && !window.api && new URLSearchParams(location.search).has('fake')) {
    const { installFakeApi } = await import('../dev/fake-api')
    installFakeApi()
  }
  startLiveSync(queryClient)
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  )
}

void boot()
