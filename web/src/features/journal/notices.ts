// A sentence for the next journal screen to say once ("Your entry is saved.", "The entry has
// been deleted."), handed over as the app moves there. In memory only, taken by the first screen
// that asks; a reload forgets it. Browser main thread only.

let waiting: string | undefined;

export function leaveNotice(text: string): void {
  waiting = text;
}

export function takeNotice(): string | undefined {
  const text = waiting;
  waiting = undefined;
  return text;
}
