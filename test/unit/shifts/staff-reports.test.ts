import { describe, expect, it } from 'vitest';
import { perPersonCsv, type NamedTotals } from '../../../src/main/shifts/staff-reports';

const row = (name: string, payments: number, refunds: number): NamedTotals => ({
  key: 1,
  name,
  currency: 'CNY',
  payments: { count: 2, sum: payments },
  refunds: { count: 1, sum: refunds },
  net: payments - refunds,
});

describe("the Z's per-person CSV", () => {
  it('has a line per person and currency with takings, refunds and net in minor units', () => {
    const csv = perPersonCsv([row('Ana', 1200, 0), row('Ben', 3000, 500)]);
    expect(csv.replace('\ufeff', '').trimEnd().split('\r\n')).toEqual([
      'staff,currency,payments,payments_minor,refunds,refunds_minor,net_minor',
      'Ana,CNY,2,1200,1,0,1200',
      'Ben,CNY,2,3000,1,500,2500',
    ]);
  });

  it('never lets a name run as a spreadsheet formula', () => {
    expect(perPersonCsv([row('=HYPERLINK("x")', 1, 0)])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
