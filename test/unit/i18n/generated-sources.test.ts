import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { areaArgsSource, idUnion } from '../../../src/shared/i18n/generated-sources';

describe('the typing npm run i18n writes for an area', () => {
  it('lists the ids of one section on one line', () => {
    expect(idUnion(['staff.lock.title', 'staff.pin.delete', 'staff.pin.digits'])).toBe(
      "'staff.lock.title' | `staff.pin.${'delete' | 'digits'}`",
    );
  });

  it('wraps a long section so that no line grows past the width prettier keeps', () => {
    const ids = Array.from({ length: 30 }, (_, n) => `settings.section.message${n}`);
    const lines = idUnion(ids).split(' | `');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(`      | \`${line}`.length).toBeLessThanOrEqual(100);
    // Every id is still there, once.
    const leaves = [...idUnion(ids).matchAll(/'(message\d+)'/g)].map((match) => match[1]);
    expect(leaves).toEqual(ids.map((id) => id.slice('settings.section.'.length)));
  });

  it('keeps an id it cannot cut into a section whole', () => {
    expect(idUnion(['about', 'about.title', 'odd id.a', 'odd id.b'])).toBe(
      "'about' | 'about.title' | 'odd id.a' | 'odd id.b'",
    );
  });

  it('groups the messages that take the same values, and those that take none', async () => {
    const written = areaArgsSource('staff', {
      'staff.lock.title': 'Locked',
      'staff.lock.whose': 'Locked by {name}',
      'staff.pin.title': 'PIN for {name}',
      'staff.report.cell': '{count, plural, one {# sale} other {# sales}}',
    });
    const filepath = 'src/shared/i18n/message-args/staff.ts';
    const source = await format(written, { ...(await resolveConfig(filepath)), filepath });
    expect(source).toContain("export type StaffPlain = 'staff.lock.title';");
    expect(source).toContain("Record<'staff.lock.whose' | 'staff.pin.title', { name: T }>");
    expect(source).toContain("Record<'staff.report.cell', { count: number }>");
  });
});
