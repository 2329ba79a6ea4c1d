import { serialize } from "node:v8";

/** Whether V8 stores the string two bytes a character (its serialiser writes "c" for that). */
export function storedTwoBytesAChar(s: string): boolean {
  const bytes = serialize(s);
  // A version header of two bytes, then (for a two-byte string) perhaps one byte of padding.
  return (bytes[2] === 0 ? bytes[3] : bytes[2]) === "c".charCodeAt(0);
}
