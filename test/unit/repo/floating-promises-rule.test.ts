import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The rules ESLint reports for `code` placed in a file of main. */
async function rulesFor(code: string): Promise<string[]> {
  // Under CI=true typescript-eslint would type-check the file as it is on disk, not this text.
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } },
    },
  });
  const [result] = await eslint.lintText(code, {
    filePath: `${ROOT}src/main/shell/quit-sequence.ts`,
  });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint rule against promises left unhandled in main', () => {
  it('refuses `void promise` and a bare call, accepts a handled one', async () => {
    const close = 'const close = (): Promise<void> => Promise.resolve();\n';
    expect(await rulesFor(`${close}export function a(): void {\n  void close();\n}\n`)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
    expect(await rulesFor(`${close}export function a(): void {\n  close();\n}\n`)).toContain(
      '@typescript-eslint/no-floating-promises',
    );
    expect(
      await rulesFor(
        `${close}export function a(): void {\n  close().catch((error: unknown) => console.error(error));\n}\n`,
      ),
    ).toEqual([]);
  }, 60_000);
});
