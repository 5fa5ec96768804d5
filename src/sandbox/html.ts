/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A complete page of the sandbox's customer-facing site: readable on a phone, no scripts,
 * nothing loaded from elsewhere.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; background: #f2f5f9; color: #1b2430; }
  header { background: #1677ff; color: #fff; padding: 14px 20px; font-weight: 600; font-size: 18px; }
  main { max-width: 460px; margin: 24px auto; background: #fff; border-radius: 14px; padding: 24px; box-shadow: 0 2px 10px rgba(0,0,0,.08); }
  .amount { font-size: 40px; font-weight: 700; text-align: center; margin: 8px 0 4px; }
  .muted { color: #5b6675; font-size: 14px; text-align: center; word-break: break-all; }
  .state { font-size: 24px; font-weight: 700; text-align: center; margin: 20px 0 8px; }
  .ok { color: #0a8a3a; } .bad { color: #c62828; } .warn { color: #a15c00; }
  form { margin-top: 20px; display: grid; gap: 12px; }
  button { font-size: 20px; padding: 16px; border: 0; border-radius: 10px; color: #fff; cursor: pointer; }
  button.success, button.primary { background: #1677ff; } button.success { background: #0a8a3a; } button.decline { background: #c62828; }
  label { font-size: 16px; display: grid; gap: 6px; }
  input[type=text] { font-size: 18px; padding: 12px; border: 1px solid #c4ccd6; border-radius: 8px; }
  .sandbox { font-size: 12px; color: #8a94a3; text-align: center; margin-top: 22px; }
</style>
</head>
<body>
<header>Alipay 支付宝 · ecommpay sandbox</header>
<main>
${body}
<p class="sandbox">Sandbox: no real money moves. 测试环境，不会产生真实扣款。</p>
</main>
</body>
</html>
`;
}
