import { createRequire } from 'node:module';

/** ecommpay's own JS SDK (npm `ecommpay`, a devDependency): the peer for differential tests. */
export interface EcommpaySdk {
  signer(params: unknown, secret: string): string;
}

/** Loads the CommonJS SDK. */
export function loadEcommpaySdk(): EcommpaySdk {
  return createRequire(import.meta.url)('ecommpay') as EcommpaySdk;
}
