// Numbers and dates as planners read them, one style across pages.
const counts = new Intl.NumberFormat('en-US');
const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export const formatCount = (n: number): string => counts.format(n);

export const formatWhen = (iso: string): string => dates.format(new Date(iso));
