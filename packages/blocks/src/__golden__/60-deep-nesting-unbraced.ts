export default async function (event, app) {
  for (const a of event.next.items)
    for (const b of a.parts)
      if (b.ok) app.log(b);
      else while (b.retry()) b.wait();
  do app.log('once'); while (false);
}
