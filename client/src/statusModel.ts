/**
 * What the index status looks like, as plain data: the text of the language status item and the
 * arithmetic of the progress bar. Kept apart from status.ts so it can be tested without VS Code.
 */
import type { StatusParams } from '../../server/src/protocol';

/** Above this many files indexing is slow enough to deserve a notification, not only the status bar. */
export const notificationThreshold = 500;

export interface StatusView {
  text: string;
  detail: string;
  busy: boolean;
  severity: 'information' | 'warning';
}

/** The view while the server is `starting`, `stopped`, or reporting a status. */
export function viewOf(status: StatusParams | 'starting' | 'stopped'): StatusView {
  if (status === 'starting') {
    return { text: 'Starting', detail: 'Event Schemas language server', busy: true, severity: 'information' };
  }
  if (status === 'stopped') {
    return { text: 'Stopped', detail: 'run "Event Schemas: Restart Language Server"', busy: false, severity: 'warning' };
  }
  if (status.state === 'indexing') {
    return { text: `Indexing ${status.indexed}/${status.total}`, detail: 'schema files', busy: true, severity: 'information' };
  }
  return { text: `${status.indexed} ${status.indexed === 1 ? 'schema' : 'schemas'}`, detail: 'indexed', busy: false, severity: 'information' };
}

export function progressLocationFor(total: number): 'window' | 'notification' {
  return total > notificationThreshold ? 'notification' : 'window';
}

/** Whole-number percent done; 0 while the total is still unknown. */
export function percentOf(status: StatusParams): number {
  if (status.total <= 0) return 0;
  return Math.min(100, Math.floor((status.indexed * 100) / status.total));
}

/**
 * VS Code's progress bar only moves forward, by increments. The total can grow while the server is
 * still discovering files, so the percent can drop; the bar then waits at its high-water mark.
 */
export function nextIncrement(shownPercent: number, status: StatusParams): { shownPercent: number; increment: number } {
  const percent = percentOf(status);
  if (percent <= shownPercent) return { shownPercent, increment: 0 };
  return { shownPercent: percent, increment: percent - shownPercent };
}
