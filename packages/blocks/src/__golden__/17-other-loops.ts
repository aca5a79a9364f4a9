export default async function (event, app) {
  for (let i = 0; i < event.next.count; i++) {
    app.log(i);
  }
  for (;;) {
    break;
  }
  for (const key in event.next) {
    app.log(key);
  }
  let n = 3;
  while (n > 0) n--;
  do {
    n++;
  } while (n < 3);
}
