import { contextBridge } from 'electron';

/** Placeholder bridge until the IPC contract lands: exposes only the app's name. */
contextBridge.exposeInMainWorld('counter', Object.freeze({ app: 'alipay-counter' }));
