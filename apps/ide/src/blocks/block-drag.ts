import type { BlockDocument, InsertPosition } from '@whenthen/blocks';
import { indexBlocks, isInside } from './doc-tree';

/** What the pointer is over: a block's row, or the placeholder of an empty slot. */
export type DropTarget =
  { type: 'row'; id: string; ratio: number } | { type: 'slot'; parentId: string; slot: number };

/** Where dropped blocks go, and where the indicator line is drawn. */
export type DropPlace = {
  at: InsertPosition;
  indicator: { id: string; edge: 'before' | 'after' } | { parentId: string; slot: number };
};

/**
 * Where blocks dragged onto `target` would go: above a row when over its upper half, below it
 * otherwise, into an empty slot over its placeholder. Null when that is inside a dragged block or
 * would not move anything.
 */
export function dropPlace(
  doc: BlockDocument,
  dragged: readonly string[],
  target: DropTarget,
): DropPlace | null {
  const places = indexBlocks(doc);
  if (target.type === 'slot') {
    if (dragged.some((id) => isInside(places, target.parentId, id))) return null;
    return { at: { inside: target.parentId, slot: target.slot }, indicator: target };
  }
  const place = places.get(target.id);
  if (!place) return null;
  if (dragged.some((id) => isInside(places, target.id, id))) return null;
  const edge = target.ratio < 0.5 ? 'before' : 'after';
  // Dropping right next to itself changes nothing.
  if (dragged.length === 1) {
    const self = places.get(dragged[0]!);
    if (self && self.parentId === place.parentId && self.slot === place.slot) {
      const next = edge === 'before' ? place.index : place.index + 1;
      if (next === self.index || next === self.index + 1) return null;
    }
  }
  return {
    at: edge === 'before' ? { before: target.id } : { after: target.id },
    indicator: { id: target.id, edge },
  };
}

/** The moves that put `ids` (in document order) at `at`, one after the other. */
export function moveEdits(ids: readonly string[], at: InsertPosition) {
  return ids.map((blockId, index) => ({
    type: 'moveBlock' as const,
    blockId,
    to: index === 0 ? at : { after: ids[index - 1]! },
  }));
}

export type BlockDragState = {
  /** The element holding the rows (`[data-block-row]` with `data-block-id`, `[data-slot-drop]`). */
  container: HTMLElement | null;
  doc: BlockDocument;
  /** Blocks that move together when one of them is dragged (the selection). */
  selection: readonly string[];
  disabled: boolean;
};

export type BlockDragChange =
  | { type: 'over'; dragged: string[]; place: DropPlace | null }
  | { type: 'drop'; dragged: string[]; place: DropPlace }
  | { type: 'end' };

const THRESHOLD_PX = 4;

/**
 * Drag to reorder in the block list: pointer down on a row's handle (`[data-drag-handle]`), move,
 * release over another row or an empty slot. Written against the DOM only; `onChange` reports
 * the indicator while dragging and the drop at the end.
 */
export function createBlockDrag({
  getState,
  onChange,
}: {
  getState: () => BlockDragState;
  onChange: (change: BlockDragChange) => void;
}) {
  let bound: HTMLElement | null = null;
  let drag: {
    ids: string[];
    x: number;
    y: number;
    started: boolean;
    pointer: number;
    place: DropPlace | null;
  } | null = null;

  const targetAt = (x: number, y: number): DropTarget | null => {
    const element = document.elementFromPoint(x, y);
    const slot = element?.closest<HTMLElement>('[data-slot-drop]');
    if (slot?.dataset.parentId && bound?.contains(slot)) {
      return {
        type: 'slot',
        parentId: slot.dataset.parentId,
        slot: Number(slot.dataset.slot ?? 0),
      };
    }
    const row = element?.closest<HTMLElement>('[data-block-row]');
    if (!row?.dataset.blockId || !bound?.contains(row)) return null;
    const rect = row.getBoundingClientRect();
    return {
      type: 'row',
      id: row.dataset.blockId,
      ratio: rect.height ? (y - rect.top) / rect.height : 0,
    };
  };

  const onPointerDown = (event: PointerEvent) => {
    const state = getState();
    if (state.disabled || event.button !== 0) return;
    const handle = (event.target as Element | null)?.closest('[data-drag-handle]');
    const row = handle?.closest<HTMLElement>('[data-block-row]');
    const id = row?.dataset.blockId;
    if (!handle || !id) return;
    event.preventDefault();
    const places = indexBlocks(state.doc);
    const group = state.selection.includes(id) ? state.selection : [id];
    // Blocks inside another dragged block go with it; the rest move in document order.
    const ids = [...places.keys()].filter(
      (one) =>
        group.includes(one) &&
        !group.some((other) => other !== one && isInside(places, one, other)),
    );
    drag = {
      ids,
      x: event.clientX,
      y: event.clientY,
      started: false,
      pointer: event.pointerId,
      place: null,
    };
    window.addEventListener('pointermove', onPointerMove);
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', onCancel);
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    if (!drag.started && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < THRESHOLD_PX)
      return;
    drag.started = true;
    const target = targetAt(event.clientX, event.clientY);
    drag.place = target ? dropPlace(getState().doc, drag.ids, target) : null;
    onChange({ type: 'over', dragged: drag.ids, place: drag.place });
  };

  const onPointerUp = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { ids, place, started } = drag;
    stop();
    if (started && place) onChange({ type: 'drop', dragged: ids, place });
    else onChange({ type: 'end' });
  };

  const onCancel = () => {
    stop();
    onChange({ type: 'end' });
  };

  const stop = () => {
    drag = null;
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', onCancel);
  };

  const update = () => {
    const { container } = getState();
    if (container === bound) return;
    bound?.removeEventListener('pointerdown', onPointerDown);
    bound = container;
    bound?.addEventListener('pointerdown', onPointerDown);
  };

  const destroy = () => {
    stop();
    bound?.removeEventListener('pointerdown', onPointerDown);
    bound = null;
  };

  update();
  return { update, destroy };
}
