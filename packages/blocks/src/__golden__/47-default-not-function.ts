const handler = async (event, app) => {};
export default handler;
