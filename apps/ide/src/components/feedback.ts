import { App } from 'antd';

/** antd's message API bound to the app's theme and locale (needs the <App> wrapper). */
export const useMessage = () => App.useApp().message;
export const useModal = () => App.useApp().modal;
