import { describe, expect, it } from 'vitest';
import { sign, stringToSign, verify } from '../../../src/protocol/signer';
import { readFileSync } from 'node:fs';
import {
  loadSignatureVectors,
  readSharedVectorsText,
  sharedVectorsPresent,
  signatureVectorsPath,
  VENDORED_VECTORS,
} from '../../support/shared-docs';

const vectors = loadSignatureVectors();
const official = vectors.filter((v) => v.name.startsWith('V'));
const divergence = vectors.filter((v) => v.name.startsWith('D'));

describe(`official signature vectors (${signatureVectorsPath()})`, () => {
  it.runIf(sharedVectorsPresent())(
    'the vendored copy is identical to ../shared/gate/signature-vectors.json',
    () => {
      expect(readFileSync(VENDORED_VECTORS, 'utf8')).toBe(readSharedVectorsText());
    },
  );

  it('loads every vector of the file', () => {
    expect(official.length).toBeGreaterThanOrEqual(16);
    expect(divergence.length).toBeGreaterThanOrEqual(4);
  });

  it.each(official.map((v) => [v.name, v] as const))(
    '%s: string to sign and signature',
    (_name, v) => {
      expect(stringToSign(v.params)).toBe(v.toSign);
      expect(sign(v.params, v.secret)).toBe(v.signature);
      expect(verify({ ...v.params, signature: v.signature }, v.secret)).toMatchObject({
        valid: true,
      });
    },
  );
});

describe('divergence vectors: sign with the first of each pair, accept both', () => {
  const signedWith = ['D1-byte-order', 'D2-full-path-order'];
  it.each(divergence.map((v) => [v.name, v] as const))('%s verifies', (name, v) => {
    expect(verify({ ...v.params, signature: v.signature }, v.secret)).toMatchObject({
      valid: true,
    });
    if (signedWith.includes(name)) {
      expect(stringToSign(v.params)).toBe(v.toSign);
      expect(sign(v.params, v.secret)).toBe(v.signature);
    } else {
      expect(sign(v.params, v.secret)).not.toBe(v.signature);
    }
  });
});
