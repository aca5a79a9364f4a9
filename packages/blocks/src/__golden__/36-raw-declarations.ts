export default async function (event, app) {
  let a = 1, b = 2;
  const x = 1,
    y = 2;
  type Local = { id: number };
  interface Shape {
    id: number;
  }
  enum Color { Red }
}
