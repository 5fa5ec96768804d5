import type { PaymentPeople } from '../../../shared/ipc/views';
import { Fact } from '../components/Fact';
import { useSay } from '../i18n/use-say';

/** Who took the payment and, when it was paid late, who decided on it: lines of its facts. */
export function PaymentPeopleFacts({ people }: { people: PaymentPeople | undefined }) {
  const { say } = useSay();
  if (!people) return null;
  return (
    <>
      <Fact
        term={say('manager.people.takenBy')}
        translate={people.takenBy === null ? undefined : 'no'}
      >
        {people.takenBy ?? say('manager.people.nobody')}
      </Fact>
      <Fact term={say('manager.people.lateDecidedBy')}>{people.lateDecidedBy}</Fact>
    </>
  );
}

/** Who gave a refund, and the manager who authorised it when a cashier asked. */
export function RefundPeopleCell({
  people,
  refundId,
}: {
  people: PaymentPeople | undefined;
  refundId: string;
}) {
  const { say } = useSay();
  const who = people?.refunds[refundId];
  if (!who?.by) return <td />;
  return (
    <td>
      {who.authorisedBy
        ? say('manager.people.refundedByAuthorised', { name: who.by, manager: who.authorisedBy })
        : say('manager.people.refundedBy', { name: who.by })}
    </td>
  );
}
