/**
 * The options of a select that picks a person by name (the manager called to the counter, the
 * person History is filtered by): one home for how a person is offered in a list.
 */
export function PeopleOptions({
  people,
}: {
  people: ReadonlyArray<{ readonly id: number; readonly name: string }>;
}) {
  return (
    <>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </>
  );
}
