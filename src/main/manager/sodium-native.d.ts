// sodium-native ships no types; only what pin-scrypt.ts calls is declared (its one source).
declare module 'sodium-native' {
  export function crypto_pwhash_scryptsalsa208sha256_async(
    out: Buffer,
    password: Buffer,
    salt: Buffer,
    opslimit: number,
    memlimit: number,
  ): Promise<void>;
}
