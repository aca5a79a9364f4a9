export default async (event, app) => {
  app.log('arrow');
};
