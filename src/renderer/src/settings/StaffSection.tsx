import { useEffect, useState } from 'react';
import type { StaffMemberView } from '../../../shared/ipc/views';
import type { ErrorCode, Result } from '../../../shared/result';
import { said } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { counter } from '../counter-api';
import { newPinErrors } from './PinForm';

type Role = StaffMemberView['role'];
type Editing = { id: number; kind: 'rename' | 'pin' } | null;

/**
 * The counter's staff: each with role and whether active; a manager adds, renames, disables or
 * enables, and gives a new PIN. Every change asks for a manager (picked by name) and their PIN.
 */
export function StaffSection() {
  const { say, sayAll } = useSay();
  const members = useCounter((s) => s.staffMembers);
  const load = useCounter((s) => s.loadStaff);
  const askPin = useCounter((s) => s.askPin);
  const mode = useCounter((s) => s.settings?.mode) ?? 'live';
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => void load(), [load]);

  /** Runs a change under a manager's PIN; the list follows when it went through. */
  const underManager = (
    title: Parameters<typeof askPin>[0],
    change: (manager: { staffId: number; pin: string }) => Promise<Result<unknown, ErrorCode>>,
    done: () => void,
  ) =>
    askPin(title, async (typed, managerId) => {
      const result = await change({ staffId: managerId ?? 0, pin: typed });
      if (result.ok) {
        done();
        await load();
      }
      return result;
    });
  const pinProblem = (role: Role) => {
    const errors = newPinErrors(pin, repeat, role === 'manager' ? mode : 'demo');
    const first = errors.newPin ?? errors.repeatPin;
    return first ? sayAll(first) : null;
  };
  const clear = () => {
    setName('');
    setPin('');
    setRepeat('');
    setProblem(null);
    setEditing(null);
  };

  const pinFields = (
    <>
      <label>
        {say('settings.staff.pin')}
        <input
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </label>
      <label>
        {say('settings.staff.pinAgain')}
        <input
          type="password"
          inputMode="numeric"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
    </>
  );

  const submitEdit = (member: StaffMemberView) => {
    if (editing?.kind === 'rename')
      return underManager(
        said('settings.staff.renameTitle', { name: member.name }),
        (manager) => counter().renameStaff({ staffId: member.id, name, manager }),
        clear,
      );
    const wrong = pinProblem(member.role);
    if (wrong) return setProblem(wrong);
    underManager(
      said('settings.staff.pinTitle', { name: member.name }),
      (manager) => counter().setStaffPin({ staffId: member.id, pin, manager }),
      clear,
    );
  };

  return (
    <div className="staff-section">
      <h2>{say('settings.section.staff')}</h2>
      <table className="history-table">
        <thead>
          <tr>
            <th>{say('settings.staff.name')}</th>
            <th>{say('settings.staff.role')}</th>
            <th>{say('settings.staff.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td translate="no">{m.name}</td>
              <td>
                {say(m.role === 'manager' ? 'settings.staff.manager' : 'settings.staff.cashier')}
              </td>
              <td>{say(m.active ? 'settings.staff.active' : 'settings.staff.disabled')}</td>
              <td className="staff-actions">
                <button
                  type="button"
                  onClick={() => {
                    clear();
                    setName(m.name);
                    setEditing({ id: m.id, kind: 'rename' });
                  }}
                >
                  {say('settings.staff.rename')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    clear();
                    setEditing({ id: m.id, kind: 'pin' });
                  }}
                >
                  {say('settings.staff.newPin')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    underManager(
                      said(
                        m.active ? 'settings.staff.disableTitle' : 'settings.staff.enableTitle',
                        { name: m.name },
                      ),
                      (manager) =>
                        counter().setStaffActive({ staffId: m.id, active: !m.active, manager }),
                      clear,
                    )
                  }
                >
                  {say(m.active ? 'settings.staff.disable' : 'settings.staff.enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <form
          className="staff-form"
          onSubmit={(e) => {
            e.preventDefault();
            const member = members.find((m) => m.id === editing.id);
            if (member) submitEdit(member);
          }}
        >
          {editing.kind === 'rename' ? (
            <label>
              {say('settings.staff.name')}
              <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
            </label>
          ) : (
            pinFields
          )}
          <button type="submit" className="primary">
            {say('settings.staff.save')}
          </button>
          <button type="button" onClick={clear}>
            {say('common.action.cancel')}
          </button>
        </form>
      ) : (
        <form
          className="staff-form"
          aria-label={say('settings.staff.addTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            const wrong = pinProblem(role);
            if (wrong) return setProblem(wrong);
            underManager(
              said('settings.staff.addPinTitle', { name }),
              (manager) => counter().addStaff({ name, role, pin, manager }),
              clear,
            );
          }}
        >
          <h3>{say('settings.staff.addTitle')}</h3>
          <label>
            {say('settings.staff.name')}
            <input value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {say('settings.staff.role')}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="cashier">{say('settings.staff.cashier')}</option>
              <option value="manager">{say('settings.staff.manager')}</option>
            </select>
          </label>
          {pinFields}
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {say('settings.staff.add')}
          </button>
        </form>
      )}
      {problem ? (
        <p className="action-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
