import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's read-only reference folder (`../shared` next to the checkout). Tests load the
 * official signature vectors from there, as the developer notes require.
 */
export const SHARED_DIR =
  process.env['ALIPAY_COUNTER_SHARED_DIR'] ??
  fileURLToPath(new URL('../../../shared/', import.meta.url));

/** One entry of gate/signature-vectors.json. */
export interface SignatureVector {
  name: string;
  secret: string;
  params: Record<string, unknown>;
  toSign: string;
  signature: string;
  source: string;
}

/** Loads gate/signature-vectors.json from the shared folder. */
export function loadSignatureVectors(): SignatureVector[] {
  const text = readFileSync(
    new URL(
      'gate/signature-vectors.json',
      `file://${SHARED_DIR.endsWith('/') ? SHARED_DIR : SHARED_DIR + '/'}`,
    ),
    'utf8',
  );
  return (JSON.parse(text) as { vectors: SignatureVector[] }).vectors;
}
