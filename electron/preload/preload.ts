import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/bridge.js';
import { createBridge } from './create-bridge.js';

// The sandboxed preload: exposes `window.penholder` with exactly `invoke` and `on`.
// ipcRenderer itself never crosses the context bridge, and listeners never see the
// IpcRendererEvent (its `sender` would hand the page ipcRenderer back).
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge({
    invoke: (channel, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, args),
    subscribe(listener) {
      const onEvent = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => listener(name, payload);
      ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
      return () => {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
      };
    },
  }),
);
