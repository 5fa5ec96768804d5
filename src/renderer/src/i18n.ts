/** The cashier window's words in English and Simplified Chinese (Settings → Language). */
const STRINGS = {
  amount: { en: 'Amount', zh: '金额' },
  charge: { en: 'Charge', zh: '收款' },
  currency: { en: 'Currency', zh: '币种' },
  clear: { en: 'Clear', zh: '清除' },
  settings: { en: 'Settings', zh: '设置' },
  counter: { en: 'Counter', zh: '收银' },
  history: { en: 'History', zh: '记录' },
  reports: { en: 'Reports', zh: '报表' },
  cancel: { en: 'Cancel', zh: '取消' },
  newSale: { en: 'New sale', zh: '新的收款' },
  sending: { en: 'Sending to Alipay…', zh: '正在发送至支付宝…' },
  waitingForQr: { en: 'Waiting for the QR code from Alipay…', zh: '正在等待支付宝二维码…' },
  waitingForCustomer: { en: 'Waiting for the customer to scan and pay', zh: '等待顾客扫码付款' },
  waitingForLink: {
    en: "Customer scans with the phone's camera and pays on the Payment Page",
    zh: '顾客用手机相机扫码，在支付页面付款',
  },
  qrValidFor: { en: 'QR valid for', zh: '二维码有效' },
  paid: { en: 'Paid', zh: '支付成功' },
  declined: { en: 'Declined', zh: '支付失败' },
  rejected: { en: 'Not charged', zh: '未扣款' },
  expired: { en: 'QR code expired', zh: '二维码已过期' },
  expiredHint: {
    en: 'The customer can no longer scan it. The payment is still being checked: if it was paid, you will be alerted.',
    zh: '顾客已无法扫码。系统仍在核实，如已付款会提醒您。',
  },
  cancelled: { en: 'Sale cancelled', zh: '已取消收款' },
  cancelledHint: {
    en: 'The QR is hidden. The payment is still tracked: if the customer pays anyway, you will be alerted.',
    zh: '二维码已隐藏。系统仍在跟踪，如顾客仍付款会提醒您。',
  },
  unknown: { en: 'Outcome not known yet', zh: '结果暂未确认' },
  unknownHint: {
    en: 'The connection to Alipay broke. Do not charge again: the counter is asking Alipay for the result.',
    zh: '与支付宝的连接中断。请勿重复收款，系统正在向支付宝查询结果。',
  },
  paymentId: { en: 'Payment', zh: '订单号' },
  latePayment: { en: 'Late payment received', zh: '收到延迟付款' },
  latePaymentHint: {
    en: 'The customer paid after this sale had ended unpaid (cancelled, expired or declined). Keep the money, or refund it.',
    zh: '该笔收款已结束（已取消、已过期或失败）后顾客才付款。请选择保留或退款。',
  },
  keep: { en: 'Keep payment', zh: '保留付款' },
  refund: { en: 'Refund', zh: '退款' },
  refundNeedsPin: { en: 'A refund needs the manager PIN.', zh: '退款需店长密码。' },
  refundAction: { en: 'Refund…', zh: '退款…' },
  save: { en: 'Save', zh: '保存' },
  back: { en: 'Back', zh: '返回' },
  demo: { en: 'DEMO · sandbox, no real money', zh: '演示 · 测试环境，不产生真实扣款' },
  cannotScan: { en: 'This sale cannot be paid by QR here', zh: '此笔收款无法在此扫码支付' },
  retryAsLink: { en: 'Take it as a Payment Page link', zh: '改用支付页面链接收款' },
  retryAsLinkHint: {
    en: "Same amount, new QR: the customer scans it with the phone's camera and pays in Alipay. The first sale is still tracked: if it is paid anyway, you will be alerted.",
    zh: '金额不变，生成新二维码：顾客用手机相机扫码后用支付宝付款。原收款仍在跟踪，如仍被支付会提醒您。',
  },
} as const;

export type Language = 'en' | 'zh';
export type StringKey = keyof typeof STRINGS;

/** The word for `key` in `language`. */
export function t(key: StringKey, language: Language): string {
  return STRINGS[key][language];
}
