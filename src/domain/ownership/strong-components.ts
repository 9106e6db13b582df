/**
 * Strongly-connected components, Tarjan (1972) "Depth-first search and linear graph
 * algorithms", iterative so a long holding chain cannot overflow the call stack.
 * Components come out in reverse topological order: every component after all the
 * components its edges lead to. With edges holder → company that is "companies before
 * their holders", the order in which look-through values can be solved.
 */
export function strongComponents(
  size: number,
  successors: (node: number) => readonly number[],
): number[][] {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number, frames: Array<[number, number]>) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frames.push([v, 0]);
  };
  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    const frames: Array<[number, number]> = [];
    visit(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const v = frame[0];
      const next = successors(v);
      if (frame[1] < next.length) {
        const w = next[frame[1]++];
        if (index[w] === -1) visit(w, frames);
        else if (onStack[w] === 1) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}
