import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's read-only reference folder, `../shared` next to the checkout (or
 * ALIPAY_COUNTER_SHARED_DIR). Tests load the official signature vectors from there.
 */
export const SHARED_DIR =
  process.env['ALIPAY_COUNTER_SHARED_DIR'] ??
  fileURLToPath(new URL('../../../shared/', import.meta.url));

const SHARED_VECTORS = `${SHARED_DIR.replace(/\/?$/, '/')}gate/signature-vectors.json`;

/**
 * A copy of gate/signature-vectors.json kept in the repository, for clones that have no
 * `../shared` beside them (a CI machine may check out the repository alone). A test checks that
 * it is identical to the shared file whenever both exist.
 */
export const VENDORED_VECTORS = fileURLToPath(
  new URL('../fixtures/signature-vectors.json', import.meta.url),
);

/** One entry of gate/signature-vectors.json. */
export interface SignatureVector {
  name: string;
  secret: string;
  params: Record<string, unknown>;
  toSign: string;
  signature: string;
  source: string;
}

/** Where the vectors are read from: the shared folder when present, else the vendored copy. */
export function signatureVectorsPath(): string {
  return existsSync(SHARED_VECTORS) ? SHARED_VECTORS : VENDORED_VECTORS;
}

/** True when ../shared/gate/signature-vectors.json exists on this machine. */
export function sharedVectorsPresent(): boolean {
  return existsSync(SHARED_VECTORS);
}

/** Reads the shared vectors file (for comparing it with the vendored copy). */
export function readSharedVectorsText(): string {
  return readFileSync(SHARED_VECTORS, 'utf8');
}

/** Loads gate/signature-vectors.json (from ../shared when available). */
export function loadSignatureVectors(): SignatureVector[] {
  return (
    JSON.parse(readFileSync(signatureVectorsPath(), 'utf8')) as { vectors: SignatureVector[] }
  ).vectors;
}
