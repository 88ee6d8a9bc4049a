/** The year a report is usually written for: the year just ended (reports are due by 31 January). */
export function reportYearNow(now = new Date()): number {
  return now.getFullYear() - 1;
}
