// A module that loads but exports no plugin.
export const version = '1.0.0';
