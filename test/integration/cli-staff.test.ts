import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

const SALE = ['sale', '--amount', '10.00', '--currency', 'CNY', '--pay', 'success', '--json'];

describe('CLI: who took the sale', () => {
  it('records "Command line" unless told otherwise', async () => {
    const run = await runCli(SALE);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'success', staff: 'Command line' });
  });

  it('--staff NAME records that person as taking the sale', async () => {
    const run = await runCli([...SALE, '--staff', 'Ana Lima']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'success', staff: 'Ana Lima' });
  });
});
