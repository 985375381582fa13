// First, before React and the app are evaluated (see early.ts).
import './early.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './features/shell/App.tsx'
import './ui/styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
