import type { StaffView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';

/** The active staff as large buttons, name first and role under it. */
export function StaffButtons({
  staff,
  label,
  onPick,
}: {
  staff: readonly StaffView[];
  label: string;
  onPick: (member: StaffView) => void;
}) {
  const { say } = useSay();
  return (
    <ul className="staff-buttons" aria-label={label}>
      {staff.map((member) => (
        <li key={member.id}>
          <button type="button" onClick={() => onPick(member)}>
            <span className="staff-name" translate="no">
              {member.name}
            </span>
            <span className="staff-role">
              {member.role === 'manager' ? say('staff.role.manager') : say('staff.role.cashier')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
