import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromHash, saveToken } from './auth/token';
import './monaco/setup';
import './styles.css';

// The server prints http://127.0.0.1:4310/#token=…: keep the token, free the hash for routing.
const { token, rest } = captureTokenFromHash(window.location.hash);
if (token) {
  saveToken(token);
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
