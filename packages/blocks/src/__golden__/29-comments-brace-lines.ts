export default async function (event, app) {
  if (event.next) { // on the brace line
    app.log('a');
  }
  if (event.prev) { /* only a comment */ }
  for (const x of []) {
    app.log(x);
    // last line of the loop
  }
}
