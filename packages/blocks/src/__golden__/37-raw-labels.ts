export default async function (event, app) {
  outer: for (const a of [1, 2]) {
    for (const b of [3, 4]) {
      if (a === b) continue outer;
      if (a > b) break outer;
    }
  }
  {
    const scoped = 1;
  }
  ;
}
