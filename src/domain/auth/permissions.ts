// The roles of SPEC A-2. What each role may read and change is decided in policy.ts.
export type Role = 'admin' | 'manager' | 'seller';
export type Actor = { id: number; role: Role };

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const isManagerOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
