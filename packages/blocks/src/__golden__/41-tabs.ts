export default async function (event, app) {
	const a = 1;
	if (a) {
		app.log('tab');
	}
}
