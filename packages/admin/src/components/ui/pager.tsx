import type { Dispatch, SetStateAction } from 'react';
import { Button } from './button';

/** The keyset cursors of the pages before the current one; `null` is the first page. */
export type CursorStack = (string | null)[];

/** Going back: the cursor to load and the stack without it. */
export function popCursor(stack: CursorStack): { after: string | null; stack: CursorStack } {
  return { after: stack.at(-1) ?? null, stack: stack.slice(0, -1) };
}

/** Going forward: the current cursor is remembered so "Previous" can return to it. */
export function pushCursor(stack: CursorStack, current: string | null): CursorStack {
  return [...stack, current];
}

type PagerProps = {
  className: string;
  label: string;
  pageInfo: { hasPreviousPage?: boolean; hasNextPage: boolean; endCursor?: string | null };
  /** The cursor of the page shown now. */
  after: string | null;
  previous: CursorStack;
  setPrevious: Dispatch<SetStateAction<CursorStack>>;
  onNavigate: (after: string | null) => void;
  labels: { first?: string; previous: string; next: string };
  /**
   * `hide` (default) shows only the buttons that lead somewhere, going back by `hasPreviousPage`;
   * `disable` always shows Previous/Next, disabled by the cursor stack and while `loading`.
   */
  mode?: 'hide' | 'disable';
  loading?: boolean;
};

/** "First / Previous / Next" for a keyset-paginated table with a stack of the cursors visited. */
export function Pager({
  className,
  label,
  pageInfo,
  after,
  previous,
  setPrevious,
  onNavigate,
  labels,
  mode = 'hide',
  loading = false,
}: PagerProps) {
  const back = () => {
    const before = popCursor(previous).after;
    setPrevious((p) => popCursor(p).stack);
    onNavigate(before);
  };
  const forward = () => {
    setPrevious((p) => pushCursor(p, after));
    onNavigate(pageInfo.endCursor ?? null);
  };
  if (mode === 'disable') {
    return (
      <nav className={className} aria-label={label}>
        <Button variant="secondary" disabled={previous.length === 0 || loading} onClick={back}>
          {labels.previous}
        </Button>
        <Button variant="secondary" disabled={!pageInfo.hasNextPage || loading} onClick={forward}>
          {labels.next}
        </Button>
      </nav>
    );
  }
  return (
    <nav className={className} aria-label={label}>
      {labels.first !== undefined && pageInfo.hasPreviousPage && previous.length > 1 && (
        <Button
          variant="secondary"
          onClick={() => {
            setPrevious([]);
            onNavigate(null);
          }}
        >
          {labels.first}
        </Button>
      )}
      {pageInfo.hasPreviousPage && (
        <Button variant="secondary" onClick={back}>
          {labels.previous}
        </Button>
      )}
      {pageInfo.hasNextPage && (
        <Button variant="secondary" onClick={forward}>
          {labels.next}
        </Button>
      )}
    </nav>
  );
}
