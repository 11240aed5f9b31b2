// Mounting a heavy page in turns: each <AfterPaint> renders its children only after the screen
// has painted what came before it, one block per task, in the order they were mounted. A page
// whose blocks would otherwise render in one long task (antd tables, recharts) paints its first
// block at once and keeps the main thread free for input between the others (issue #11: the
// analysis page paints its Pareto chart first and stays responsive while the panels arrive).
import { useEffect, useState, type ReactNode } from 'react';

const waiting: (() => void)[] = [];
let scheduled = false;

function next() {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // after the next frame (what is mounted so far is on screen), in a task of its own
  requestAnimationFrame(() => setTimeout(next, 0));
}

export function AfterPaint({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const go = () => setReady(true);
    waiting.push(go);
    schedule();
    return () => {
      const i = waiting.indexOf(go);
      if (i >= 0) waiting.splice(i, 1);
    };
  }, []);
  return ready ? children : fallback;
}
