export default async function (event, app) {
  // Überprüfung — größer als 1 000 € 🎉
  await app.notify({ to: 'ann', title: 'Größe 🎉', body: '日本語のテキスト' });
  const ключ = 'значение';
}
