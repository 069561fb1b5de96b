/** Touch building blocks shared by the screens: big buttons that show their key, banners. */
package io.kasa.terminal.ui;
