import { decimalMarksOf } from '../../../shared/money';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectNumberLocale } from '../store/sale-slice';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The on-screen keypad. Its decimal key shows the window's own mark ("," in German). Buttons
 * keep the keyboard focus in the amount field.
 */
export function Keypad() {
  const { say } = useSay();
  const pressKey = useCounter((s) => s.pressKey);
  const { decimal } = decimalMarksOf(useCounter(selectNumberLocale));
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const key = (value: string, label = value, name?: string) => (
    <button
      key={value}
      type="button"
      className="key"
      aria-label={name}
      onMouseDown={keep}
      onClick={() => pressKey(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={say('cashier.keypad.label')}>
      {DIGITS.map((digit) => key(digit))}
      {key(decimal)}
      {key('0')}
      {key('00')}
      <button
        type="button"
        className="key key-wide"
        onMouseDown={keep}
        onClick={() => pressKey('Clear')}
      >
        {say('cashier.keypad.clear')}
      </button>
      {key('Backspace', '⌫', say('cashier.keypad.backspace'))}
    </div>
  );
}
