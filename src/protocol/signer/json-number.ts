/**
 * A JSON number kept as the text it arrived as. Gate signs numbers as they are written
 * ("10.0", "20891000000045123456"), so a callback is verified against its original text;
 * converting to a float would change "10.0" to "10" and lose digits of big integers.
 */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** The number as text, exactly as received. */
  toString(): string {
    return this.text;
  }

  /** JSON.stringify writes the text as a string: JSON.rawJSON is not available on Node 20. */
  toJSON(): string {
    return this.text;
  }
}
