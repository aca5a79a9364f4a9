export default async function (event, app) {
  if (event.next.a) {
    // a
    app.log('a');
  }
  // before else (inside the chain)
  else if (event.next.b) {
    app.log('b');
  } /* between */ else {
    // only a comment in else
  }
}
