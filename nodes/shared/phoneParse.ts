/**
 * The one part of libphonenumber-js the package uses, built into a file of its own that
 * phoneLib.ts requires on first use (so that loading a node does not load the library).
 */
export { parsePhoneNumberFromString } from 'libphonenumber-js';
