/**
 * MAX_SELECTOR_LENGTH is the longest label or field selector string the parsers accept, in
 * UTF-16 code units (64 KiB). Longer input is rejected before it is scanned; everything shorter
 * is parsed in one linear pass.
 */
export const MAX_SELECTOR_LENGTH = 65_536;
