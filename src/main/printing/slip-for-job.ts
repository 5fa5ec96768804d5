import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said, type Said } from '../../shared/i18n/said';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import type { PrintJobSubject } from '../journal/print-job-journal';
import type { Settings } from '../settings/settings';
import type { SlipCopy } from './slip-facts';
import { endedShiftReport, shiftSlip } from './shift-slip';
import { refundSlip, reportSlip, saleSlip, sampleSaleFacts } from './slip-layouts';
import { refundFacts, reportFacts, saleFacts } from './slip-sources';
import { wordsFor, type SlipWording } from './slip-words';

/** What a job prints: its kind and what it is about. */
export interface SlipRequest extends PrintJobSubject {
  /** The sample slip's copy (test prints and previews): the customer's unless said. */
  readonly copy?: SlipCopy;
}

/** The payment id a test print puts in its text and QR. */
export const samplePaymentId = (terminalId: string): string => `${terminalId}-TEST-PRINT`;

/**
 * The markup of a job's slip from what the journal holds now: the one place that maps a job to
 * its layout, shared by the printer, the preview and reprints.
 */
export function slipMarkup(
  journal: Journal,
  settings: Settings,
  request: SlipRequest,
  wording: SlipWording,
  now: number,
): Result<string, ErrorCode> {
  const reprint = request.reprint ?? false;
  switch (request.kind) {
    case 'customer':
    case 'merchant': {
      const facts = saleFacts(journal, settings, request.paymentId ?? '');
      return facts.ok
        ? ok(saleSlip(facts.value, request.kind, wordsFor(wording, request.kind), reprint))
        : facts;
    }
    case 'refund_customer':
    case 'refund_merchant': {
      const facts = refundFacts(journal, settings, request.refundId ?? '');
      const copy = request.kind === 'refund_customer' ? 'customer' : 'merchant';
      return facts.ok ? ok(refundSlip(facts.value, copy, wordsFor(wording, copy), reprint)) : facts;
    }
    case 'x_report':
    case 'z_report': {
      const facts = reportFacts(
        journal,
        settings,
        request.kind === 'z_report' ? (request.zNumber ?? 0) : null,
        now,
      );
      return facts.ok ? ok(reportSlip(facts.value, wording.store)) : facts;
    }
    case 'shift_report': {
      // The report kept when the shift ended: a reprint later prints the very same figures.
      const report = endedShiftReport(journal, request.shiftId ?? 0);
      return report.ok
        ? ok(shiftSlip(report.value, settings.merchantName, wording.store, now))
        : report;
    }
    case 'test':
      return ok(
        saleSlip(
          sampleSaleFacts(
            request.paymentId ?? samplePaymentId(settings.terminalId),
            settings.merchantName,
            settings.terminalId,
            now,
          ),
          request.copy ?? 'customer',
          wordsFor(wording, request.copy ?? 'customer'),
        ),
      );
    default:
      return fail('INVALID_INPUT', said('printing.error.unknownSlip'));
  }
}

/** The name of a job in a print queue ("Receipt T01-…", "Z report 3"), as a message. */
export function slipTitle(request: SlipRequest): Said {
  switch (request.kind) {
    case 'customer':
    case 'merchant':
      return said('printing.jobTitle', { kind: 'receipt', id: request.paymentId ?? '' });
    case 'refund_customer':
    case 'refund_merchant':
      return said('printing.jobTitle', { kind: 'refund', id: request.refundId ?? '' });
    case 'x_report':
      return said('printing.jobTitle', { kind: 'x', id: '' });
    case 'z_report':
      return said('printing.jobTitle', { kind: 'z', id: request.zNumber ?? '' });
    case 'shift_report':
      return said('printing.jobTitle', { kind: 'shift', id: request.shiftId ?? '' });
    default:
      return said('printing.jobTitle', { kind: 'test', id: '' });
  }
}
