// L-4: saved views. Anyone reads a shared view; only its owner or an admin changes or deletes it.
import type { Db, ListResource } from '../../db/schema.ts';
import {
  deleteViewRow,
  findView,
  findViewOrThrow,
  insertView,
  updateViewRow,
  type SavedViewRow,
  type ViewValues,
} from '../../db/saved-views.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { AppError, notFound } from '../errors.ts';

/** A view the actor may read: their own or a shared one. */
export async function readableView(db: Db, actor: Actor, id: number): Promise<SavedViewRow> {
  const view = await findView(db, id);
  if (!view || (view.ownerId !== actor.id && !view.shared && !isAdmin(actor))) throw notFound('View', id);
  return view;
}

async function ownView(db: Db, actor: Actor, id: number): Promise<SavedViewRow> {
  const view = await readableView(db, actor, id);
  if (view.ownerId !== actor.id && !isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only the owner of a view or an admin can change it');
  return view;
}

/** Saves a new view of one list for the actor. */
export async function createView({
  db,
  actor,
  resource,
  values,
}: {
  db: Db;
  actor: Actor;
  resource: ListResource;
  values: ViewValues;
}): Promise<SavedViewRow> {
  const id = await insertView(db, actor.id, resource, values);
  return findViewOrThrow(db, id);
}

/** Changes a view if `version` is still current (O-25 applies to views too). */
export async function updateView({
  db,
  actor,
  id,
  version,
  values,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  values: Partial<ViewValues>;
}): Promise<SavedViewRow> {
  const current = await ownView(db, actor, id);
  if (!(await updateViewRow(db, id, version, values))) {
    throw new AppError('VERSION_CONFLICT', 'The view was changed by someone else. Reload and try again.', { current });
  }
  return findViewOrThrow(db, id);
}

export async function deleteView({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  await ownView(db, actor, id);
  await deleteViewRow(db, id);
}
