import type { PrintJobView } from '../../../shared/printing/print-views';

/** What a slip is, in the cashier's words. */
export function slipName(job: Pick<PrintJobView, 'kind' | 'zNumber'>): string {
  switch (job.kind) {
    case 'customer':
      return 'Receipt';
    case 'merchant':
      return 'Merchant copy';
    case 'refund_customer':
      return 'Refund slip';
    case 'refund_merchant':
      return 'Refund merchant copy';
    case 'x_report':
      return 'X report';
    case 'z_report':
      return `Z report ${job.zNumber ?? ''}`.trim();
    case 'test':
      return 'Test slip';
  }
}
