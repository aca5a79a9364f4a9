export default async function (event, app) {


  const a = 1;



  const b = 2;


}
