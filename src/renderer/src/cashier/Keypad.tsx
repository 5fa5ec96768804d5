import { useCounter } from '../store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', '00'];

/** The on-screen keypad. Buttons keep the keyboard focus in the amount field. */
export function Keypad({ clearLabel }: { clearLabel: string }) {
  const pressKey = useCounter((s) => s.pressKey);
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="keypad" role="group" aria-label="Keypad">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="key"
          onMouseDown={keep}
          onClick={() => pressKey(key)}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        className="key key-wide"
        onMouseDown={keep}
        onClick={() => pressKey('Clear')}
      >
        {clearLabel}
      </button>
      <button
        type="button"
        className="key"
        aria-label="Backspace"
        onMouseDown={keep}
        onClick={() => pressKey('Backspace')}
      >
        ⌫
      </button>
    </div>
  );
}
