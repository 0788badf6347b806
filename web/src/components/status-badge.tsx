// A small label saying whether a part of Secure Base can be used yet.
import './status-badge.css';

export function StatusBadge({ ready }: { ready: boolean }) {
  return ready ? (
    <span class="status-badge status-badge-ready">Ready</span>
  ) : (
    <span class="status-badge status-badge-soon">Being prepared</span>
  );
}
