import { protocol } from 'electron';
import { readRendererFile } from '../static/renderer-files';
import { APP_CSP } from './window-security';

/** Must run before the app is ready: `app:` is a standard, secure scheme like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/**
 * Serves the built renderer at app://counter/ (as Mattermost serves its UI from a custom
 * protocol): no file:// privileges, one origin the IPC sender check can trust.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === 'counter'
        ? await readRendererFile(rendererDir, decodeURIComponent(url.pathname))
        : undefined;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(file.body, {
      headers: { 'content-type': file.contentType, 'content-security-policy': APP_CSP },
    });
  });
}
