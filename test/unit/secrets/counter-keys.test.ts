import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import {
  AUDIT_FIRST_KEYED_ACCOUNT,
  AUDIT_KEY_ACCOUNT,
  CounterKeys,
} from '../../../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../../../src/main/secrets/secret-store';

const freshJournal = () => new Journal(join(mkdtempSync(join(tmpdir(), 'keys-')), 'j.sqlite'));

describe('where keyed audit entries start, kept in the keychain beside the audit key', () => {
  let journal: Journal | undefined;
  afterEach(() => journal?.close());

  it('a key made now keys the next entry: its id is recorded, and kept across restarts', async () => {
    journal = freshJournal();
    journal.audit('system', 'written before any key', null);
    journal.audit('system', 'written before any key', null);
    const store = createMemorySecretStore();
    const keys = new CounterKeys(store, journal.auditTrail);
    await keys.load();
    expect(keys.auditFirstKeyed()).toBe(3);
    expect(await store.get(AUDIT_FIRST_KEYED_ACCOUNT)).toBe('3');
    journal.setAuditKey(keys.auditKey());
    journal.audit('system', 'app started', null);
    expect(journal.auditTrail.verify(keys.auditFirstKeyed())).toMatchObject({
      intact: true,
      keyed: 1,
    });
    const again = new CounterKeys(store, journal.auditTrail);
    await again.load();
    expect(again.auditFirstKeyed()).toBe(3);
  });

  it('a key made before the id was recorded: the first keyed entry there is', async () => {
    journal = freshJournal();
    const key = Buffer.alloc(32, 5);
    journal.audit('system', 'unkeyed', null);
    journal.setAuditKey(key);
    journal.audit('system', 'keyed', null);
    journal.audit('system', 'keyed', null);
    const store = createMemorySecretStore({ [AUDIT_KEY_ACCOUNT]: key.toString('base64') });
    const keys = new CounterKeys(store, journal.auditTrail);
    await keys.load();
    expect(keys.auditKey()).toEqual(key);
    expect(keys.auditFirstKeyed()).toBe(2);
  });
});
