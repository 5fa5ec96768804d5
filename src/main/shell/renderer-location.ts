/** Where the windows load the UI from, and which origins the IPC sender check trusts. */
export interface RendererLocation {
  readonly url: string;
  readonly trustedOrigins: readonly string[];
}

/**
 * The built UI at `app://counter/`, or electron-vite's dev server in development. A packaged app
 * ignores ELECTRON_RENDERER_URL: otherwise whoever sets the environment at the till would choose
 * what the window loads, and that page would get `window.counter`.
 */
export function rendererLocation(options: {
  readonly packaged: boolean;
  readonly devServerUrl: string | undefined;
  readonly appOrigin: string;
}): RendererLocation {
  if (!options.packaged && options.devServerUrl) {
    return {
      url: options.devServerUrl,
      trustedOrigins: [new URL(options.devServerUrl).origin],
    };
  }
  return { url: `${options.appOrigin}/index.html`, trustedOrigins: [options.appOrigin] };
}
