import { useState } from 'react';
import type { MessageArgs, MessageId } from '../../../shared/i18n/message-args';
import { said } from '../../../shared/i18n/said';
import {
  CODE_PAGES,
  printerAddressProblem,
  type CodePage,
  type DriverPaper,
  type PrinterKind,
  type PrinterSettings,
} from '../../../shared/printing/printer-options';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import type { PrintNotice } from '../store/printing-slice';
import { RadioChoice } from './RadioChoice';
import { SlipPreview } from './SlipPreview';
import './printing.css';

/** A message that takes no values: a label. */
type Label = { [I in MessageId]: MessageArgs[I] extends undefined ? I : never }[MessageId];

const KINDS: ReadonlyArray<[PrinterKind, Label]> = [
  ['none', 'printing.settings.kind.none'],
  ['tcp', 'printing.settings.kind.tcp'],
  ['windows', 'printing.settings.kind.windows'],
  ['cups', 'printing.settings.kind.cups'],
  ['driver', 'printing.settings.kind.driver'],
];

/** The address field of each kind of printer: its label and an example. */
const ADDRESS: Record<Exclude<PrinterKind, 'none'>, { label: Label; example: Label }> = {
  tcp: { label: 'printing.settings.address.tcp', example: 'printing.settings.example.tcp' },
  windows: {
    label: 'printing.settings.address.windows',
    example: 'printing.settings.example.windows',
  },
  cups: { label: 'printing.settings.address.cups', example: 'printing.settings.example.cups' },
  driver: {
    label: 'printing.settings.address.driver',
    example: 'printing.settings.example.driver',
  },
};

/** The widths of receipt rolls, in millimetres. */
const PAPER_WIDTHS = [58, 80] as const;

const DRIVER_PAPERS: ReadonlyArray<[DriverPaper, Label]> = [
  ['roll', 'printing.settings.driverPaper.roll'],
  ['sheet', 'printing.settings.driverPaper.sheet'],
];

/** Each code page: a short name for the list, and a sentence of what it prints. */
const CODE_PAGE_WORDS: Record<CodePage, { name: Label; prints: Label }> = {
  gb18030: {
    name: 'printing.settings.codePageName.gb18030',
    prints: 'printing.settings.codePage.gb18030',
  },
  cp936: {
    name: 'printing.settings.codePageName.cp936',
    prints: 'printing.settings.codePage.cp936',
  },
  big5: { name: 'printing.settings.codePageName.big5', prints: 'printing.settings.codePage.big5' },
  cp858: {
    name: 'printing.settings.codePageName.cp858',
    prints: 'printing.settings.codePage.cp858',
  },
  cp1252: {
    name: 'printing.settings.codePageName.cp1252',
    prints: 'printing.settings.codePage.cp1252',
  },
  cp437: {
    name: 'printing.settings.codePageName.cp437',
    prints: 'printing.settings.codePage.cp437',
  },
};

/** The slips printed by themselves, each with its checkbox. */
const AUTO_SLIPS = [
  ['autoPrintCustomer', 'printing.settings.auto.customer'],
  ['autoPrintMerchant', 'printing.settings.auto.merchant'],
] as const;

/**
 * Settings → Printer: kind, address or queue, paper width, roll or sheets (printers with a
 * driver), code page, automatic slips, a Test print of what is typed (saved or not), and the
 * slip's preview at the chosen width.
 */
export function PrinterSettingsSection() {
  const { say, sayAll } = useSay();
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
  const address = form.kind === 'none' ? null : ADDRESS[form.kind];

  return (
    <form
      className="settings-form printer-settings"
      aria-label={say('printing.settings.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem)
          save(
            { printer: form },
            say('settings.save.pinTitle', { section: say('settings.section.printer') }),
          );
      }}
    >
      <div className="printer-fields">
        <h2>{say('printing.settings.heading')}</h2>
        <label>
          {say('printing.settings.kind')}
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as PrinterKind })}>
            {KINDS.map(([kind, label]) => (
              <option key={kind} value={kind}>
                {say(label)}
              </option>
            ))}
          </select>
        </label>
        {address ? (
          <label>
            {say(address.label)}
            <input
              value={form.address}
              placeholder={say(address.example)}
              aria-invalid={form.address !== '' && problem !== undefined}
              onChange={(e) => set({ address: e.target.value })}
            />
          </label>
        ) : null}
        {form.address !== '' && problem ? <p className="settings-error">{say(problem)}</p> : null}
        <RadioChoice
          legend={say('printing.settings.paperWidth')}
          name="paper-width"
          choices={PAPER_WIDTHS.map((width) => [
            width,
            say('printing.settings.paperWidth.mm', { width }),
          ])}
          value={form.paperWidth}
          onChange={(paperWidth) => set({ paperWidth })}
        />
        {form.kind === 'driver' ? (
          <RadioChoice
            legend={say('printing.settings.driverPaper')}
            name="driver-paper"
            choices={DRIVER_PAPERS.map(([paper, label]) => [paper, say(label)])}
            value={form.driverPaper}
            onChange={(driverPaper) => set({ driverPaper })}
          />
        ) : null}
        <label>
          {say('printing.settings.codePage')}
          <select
            value={form.codePage}
            onChange={(e) => set({ codePage: e.target.value as CodePage })}
          >
            {CODE_PAGES.map((codePage) => (
              <option key={codePage} value={codePage}>
                {say(CODE_PAGE_WORDS[codePage].name)}
              </option>
            ))}
          </select>
        </label>
        <p className="hint code-page-hint">{say(CODE_PAGE_WORDS[form.codePage].prints)}</p>
        <fieldset>
          <legend>{say('printing.settings.auto')}</legend>
          {AUTO_SLIPS.map(([slip, label]) => (
            <label key={slip} className="check">
              <input
                type="checkbox"
                checked={form[slip]}
                onChange={(e) => set({ [slip]: e.target.checked })}
              />
              {say(label)}
            </label>
          ))}
        </fieldset>
        {JSON.stringify(form) !== JSON.stringify(saved) ? (
          <p className="hint">{say('printing.settings.unsaved')}</p>
        ) : null}
        <p className={notice?.ok ? 'print-ok' : 'settings-error'} role="status">
          {notice ? sayAll(notice.said) : ''}
        </p>
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={problem !== undefined}>
            {say('printing.settings.save')}
          </button>
          <button
            type="button"
            disabled={form.kind === 'none' || problem !== undefined || testing}
            onClick={async () => {
              setTesting(true);
              setNotice({ ok: true, said: said('printing.settings.testing') });
              setNotice(await testPrint(form));
              setTesting(false);
            }}
          >
            {say('printing.settings.test')}
          </button>
        </div>
      </div>
      <SlipPreview paperWidth={form.paperWidth} codePage={form.codePage} />
    </form>
  );
}
