interface SortControlProps<T extends string> {
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
}

/** 排序：a small select in the list's header. */
export function SortControl<T extends string>({ value, options, onChange }: SortControlProps<T>) {
  return (
    <label className="sort-control">
      <span className="muted">排序</span>
      <select aria-label="排序" value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
