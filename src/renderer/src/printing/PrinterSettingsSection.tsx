import { useState } from 'react';
import {
  printerAddressProblem,
  type CodePage,
  type DriverPaper,
  type PrinterKind,
  type PrinterSettings,
} from '../../../shared/printing/printer-options';
import { useCounter } from '../store';
import type { PrintNotice } from '../store/printing-slice';
import { SlipPreview } from './SlipPreview';
import './printing.css';

const KINDS: Array<[PrinterKind, string]> = [
  ['none', 'No printer'],
  ['tcp', 'Network printer (ESC/POS, port 9100)'],
  ['windows', 'Windows printer, USB or shared (ESC/POS)'],
  ['cups', 'CUPS queue, macOS or Linux (ESC/POS)'],
  ['driver', 'Any printer with a driver (prints a page)'],
];

const ADDRESS: Record<PrinterKind, { label: string; placeholder: string }> = {
  none: { label: 'Address', placeholder: '' },
  tcp: { label: 'Address (host or host:port)', placeholder: '192.168.1.50:9100' },
  windows: { label: 'Printer name (as in Windows)', placeholder: 'EPSON TM-T20III Receipt' },
  cups: { label: 'CUPS queue (lpstat -p)', placeholder: 'Receipt_Printer' },
  driver: { label: 'Printer name', placeholder: 'Office printer' },
};

const DRIVER_PAPERS: Array<[DriverPaper, string]> = [
  ['roll', 'Receipt roll: a page as long as the slip'],
  ['sheet', "Sheets: the printer's own paper size (A4, Letter)"],
];

const CODE_PAGES: Array<[CodePage, string]> = [
  ['gb18030', 'GB18030: Chinese and English'],
  ['cp936', 'GBK (cp936): older Chinese printers'],
  ['cp437', 'No Chinese font: English only'],
];

/**
 * Settings → Printer: kind, address or queue, paper width, roll or sheets (printers with a
 * driver), code page, automatic slips, a Test print of what is typed (saved or not), and the
 * slip's preview at the chosen width.
 */
export function PrinterSettingsSection() {
  const saved = useCounter((s) => s.settings?.printer);
  const save = useCounter((s) => s.submitSettings);
  const testPrint = useCounter((s) => s.testPrint);
  const [form, setForm] = useState<PrinterSettings | undefined>(saved);
  const [notice, setNotice] = useState<PrintNotice | null>(null);
  const [testing, setTesting] = useState(false);
  if (!form) return null;
  const set = (change: Partial<PrinterSettings>) => {
    setForm({ ...form, ...change });
    setNotice(null);
  };
  const problem = printerAddressProblem(form.kind, form.address);
  const address = ADDRESS[form.kind];

  return (
    <form
      className="settings-form printer-settings"
      aria-label="Printer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) save({ printer: form });
      }}
    >
      <div className="printer-fields">
        <h2>Receipt printer</h2>
        <label>
          Kind of printer
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as PrinterKind })}>
            {KINDS.map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {form.kind !== 'none' ? (
          <label>
            {address.label}
            <input
              value={form.address}
              placeholder={address.placeholder}
              aria-invalid={form.address !== '' && problem !== undefined}
              onChange={(e) => set({ address: e.target.value })}
            />
          </label>
        ) : null}
        {form.address !== '' && problem ? <p className="settings-error">{problem}</p> : null}
        <fieldset>
          <legend>Paper width</legend>
          {([58, 80] as const).map((width) => (
            <label key={width} className="check">
              <input
                type="radio"
                name="paper-width"
                checked={form.paperWidth === width}
                onChange={() => set({ paperWidth: width })}
              />
              {width} mm
            </label>
          ))}
        </fieldset>
        {form.kind === 'driver' ? (
          <fieldset>
            <legend>Paper</legend>
            {DRIVER_PAPERS.map(([paper, label]) => (
              <label key={paper} className="check">
                <input
                  type="radio"
                  name="driver-paper"
                  checked={form.driverPaper === paper}
                  onChange={() => set({ driverPaper: paper })}
                />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label>
          Code page
          <select
            value={form.codePage}
            onChange={(e) => set({ codePage: e.target.value as CodePage })}
          >
            {CODE_PAGES.map(([codePage, label]) => (
              <option key={codePage} value={codePage}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Print by itself</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={form.autoPrintCustomer}
              onChange={(e) => set({ autoPrintCustomer: e.target.checked })}
            />
            Customer slip after each sale and refund
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.autoPrintMerchant}
              onChange={(e) => set({ autoPrintMerchant: e.target.checked })}
            />
            Merchant copy too
          </label>
        </fieldset>
        {JSON.stringify(form) !== JSON.stringify(saved) ? (
          <p className="hint">Not saved yet: slips still go to the saved printer.</p>
        ) : null}
        <p className={notice?.ok ? 'print-ok' : 'settings-error'} role="status">
          {notice?.text ?? ''}
        </p>
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={problem !== undefined}>
            Use this printer
          </button>
          <button
            type="button"
            disabled={form.kind === 'none' || problem !== undefined || testing}
            onClick={async () => {
              setTesting(true);
              setNotice({ ok: true, text: 'Printing the test slip…' });
              setNotice(await testPrint(form));
              setTesting(false);
            }}
          >
            Test print
          </button>
        </div>
      </div>
      <SlipPreview paperWidth={form.paperWidth} codePage={form.codePage} />
    </form>
  );
}
