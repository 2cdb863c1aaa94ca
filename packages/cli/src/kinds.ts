import { closestMatch } from '@ocp-image/validator';
import { UsageError } from './errors.js';

// The short names `oc` knows for the kinds users write.
const shortNames: Record<string, string> = { is: 'ImageStream', istag: 'ImageStreamTag', isimage: 'ImageStreamImage', itag: 'ImageTag' };

/** A kind as the user typed it (any case, singular or plural, or an `oc` short name). */
export function resolveKind(typed: string, kinds: readonly string[]): string {
  const lower = typed.toLowerCase();
  const short = shortNames[lower];
  if (short && kinds.includes(short)) return short;
  const found = kinds.find((kind) => {
    const name = kind.toLowerCase();
    return lower === name || lower === `${name}s`;
  });
  if (found) return found;
  const suggestion = closestMatch(typed, kinds);
  throw new UsageError(
    `Unknown kind "${typed}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} The image.openshift.io/v1 kinds are ${kinds.join(', ')}.`,
  );
}
