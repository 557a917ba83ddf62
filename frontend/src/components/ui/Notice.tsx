import { useEffect, useRef, type ReactNode } from 'react';

type NoticeProps = {
  title: string;
  children?: ReactNode;
  tone?: 'success' | 'info';
  /** Take focus when shown (after an action completed on the same page). */
  focus?: boolean;
};

/** A banner that says something happened ("Your address has been saved"). */
export function Notice({ title, children, tone = 'success', focus = false }: NoticeProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : undefined} tabIndex={-1} ref={box}>
      <p className="notice__title">{title}</p>
      {children}
    </div>
  );
}
