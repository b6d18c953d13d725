/** The mark: an eight-pointed star (two squares), a quiet geometric motif. */
export function Logo({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false" className="logo">
      <rect x="8" y="8" width="24" height="24" rx="2" fill="currentColor" />
      <rect x="8" y="8" width="24" height="24" rx="2" fill="currentColor" transform="rotate(45 20 20)" />
      <circle cx="20" cy="20" r="6.5" fill="none" stroke="var(--color-gold, #c8a951)" strokeWidth="2.2" />
    </svg>
  );
}
