/**
 * Text PostgreSQL or the JSON layer cannot hold. PostgreSQL's text and jsonb refuse NUL (U+0000);
 * a lone UTF-16 surrogate has no UTF-8 form, so the driver silently stores U+FFFD instead, and
 * jsonb refuses its `\ud800` escape outright.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface UnstorableText {
  /** Where: `contact.name`, `gridIds.0`, `query.q`, `params.id`. */
  field: string;
  message: string;
}

/** Why `s` cannot be stored, or undefined when it can. */
export function unstorableReason(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  const lone = LONE_SURROGATE.exec(s);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    return `contains a lone UTF-16 surrogate (U+${code}), which is not a character`;
  }
  return undefined;
}

// A key that is itself hostile is named in its JSON spelling, so the name never carries it.
const keyName = (key: string): string => (unstorableReason(key) ? JSON.stringify(key).slice(1, -1) : key);

/**
 * The first string (value or object key) in `value` that cannot be stored, walked without recursion
 * so a deeply nested value cannot exhaust the stack. `prefix` names the root (`query`, `params`);
 * a body's fields are named from their own root, as the validation problems name them.
 */
export function findUnstorableText(value: unknown, prefix = ''): UnstorableText | undefined {
  // [value, its path, why its own key cannot be stored]
  const stack: [unknown, string, string | undefined][] = [[value, prefix, undefined]];
  while (stack.length) {
    const [v, path, keyReason] = stack.pop()!;
    const field = path || 'body';
    if (keyReason) return { field, message: `the field name ${field} ${keyReason}` };
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) return { field, message: `${field} ${reason}` };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const entries: [string, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [String(i), item])
      : Object.entries(v as Record<string, unknown>);
    // Pushed in reverse, so the first field at fault in reading order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = path ? `${path}.${keyName(key)}` : keyName(key);
      stack.push([child, childPath, Array.isArray(v) ? undefined : unstorableReason(key)]);
    }
  }
  return undefined;
}
