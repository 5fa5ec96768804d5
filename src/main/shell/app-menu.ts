import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: only what a counter needs. macOS gets its app menu and the standard
 * Edit menu (without it, copy and paste do not work there); Windows and Linux get no menu bar
 * (the keyboard shortcuts for editing work without one). No View menu: no reload, no zoom,
 * no DevTools.
 */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
