import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder page until the counter screens land (see src/renderer/README.md). */
function Placeholder() {
  return (
    <main>
      <h1>Alipay Counter</h1>
      <p>The cashier screens are not built yet.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
