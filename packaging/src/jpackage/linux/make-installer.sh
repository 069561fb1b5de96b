#!/usr/bin/env bash
# Builds the register's Linux installer from what Maven prepared (packaging/pom.xml):
#   1. jlink: a Java runtime with the JDK modules the register needs and JavaFX as named modules;
#   2. jpackage: the app image (launcher, runtime, jars, logback.xml, SQLite's native library);
#   3. jpackage: the .deb from that app image;
#   4. the .deb opened; class-data sharing: the runtime's base archive, then a dynamic archive of
#      the register's classes from a training run of the packaged launcher at /opt/kasa (its
#      window to the first frame under Xvfb, else --self-test), kept as $APPDIR/kasa.jsa;
#   5. the .deb completed with what jpackage cannot add: bin/kasa (the quick start script the
#      menu entry runs), the udev rules for POS devices, the kiosk units and set-up script, and
#      the "kasa" group made at install time.
# Usage: make-installer.sh JAVA_HOME WORK_DIR LINUX_FILES_DIR
set -euo pipefail
java_home="$1"
work="$(cd "$2" && pwd)"
files="$(cd "$3" && pwd)"
jlink="$java_home/bin/jlink"
jpackage="$java_home/bin/jpackage"
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || {
    echo "make-installer: $tool is needed for the .deb (apt-get install dpkg-dev fakeroot)," \
      "or build with -Dinstaller.skip" >&2
    exit 2
  }
done

cd "$work"
rm -rf runtime image deb-root installer training
mkdir -p installer

echo "[1/5] jlink: the runtime"
"$jlink" @args/jlink.args --module-path javafx --output runtime

echo "[2/5] jpackage: the app image"
# SQLite's native library for this system, next to the jars (linux-launcher.args points to it).
rm -rf input/native sqlite-native
mkdir sqlite-native
native="org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so"   # x86_64, aarch64
(cd sqlite-native && "$java_home/bin/jar" xf "$(ls ../input/sqlite-jdbc-*.jar)" "$native")
install -D -m 0644 "sqlite-native/$native" input/native/libsqlitejdbc.so
rm -rf sqlite-native
"$jpackage" --type app-image @args/identity.args @args/launcher.args @args/linux-launcher.args \
  --runtime-image runtime --input input --dest image
app=image/Kasa

echo "[3/5] jpackage: the .deb"
"$jpackage" --type deb @args/identity.args @args/linux.args --app-image "$app" --dest installer
deb="$(ls installer/*.deb)"

dpkg-deb -R "$deb" deb-root
root=deb-root

echo "[4/5] class-data sharing: base archive and a training run, in the package's files"
# Java 17 uses an archive only with the jars it was made from (same path, size and time) and the
# same class path, so the training runs on the very files the .deb installs, where it installs
# them: /opt/kasa, bound in a mount namespace of its own (unshare; no root needed).
opt="$root/opt/kasa"
cfg="$opt/lib/app/Kasa.cfg"
grep -q -- '-XX:SharedArchiveFile=$APPDIR/kasa.jsa' "$cfg"
"$opt/lib/runtime/bin/java" -Xshare:dump -Xlog:disable -Xlog:all=error >/dev/null
sed -i 's|-XX:SharedArchiveFile=\$APPDIR/kasa.jsa|-XX:ArchiveClassesAtExit=$APPDIR/kasa.jsa|' "$cfg"
mkdir -p training
# The training run: with a display (Xvfb, when installed) the register starts to its first frame,
# so the archive holds JavaFX's controls, the style sheets and our views as a real start loads
# them; without one, --self-test loads the natives and libraries only.
# (-Xlog:cds=off: picocli's Java 5 classes are left out of the archive, and it says so per class.)
if command -v xvfb-run >/dev/null; then
  training=(xvfb-run -a -s "-screen 0 1280x800x24")
  what=--exit-after-first-frame
else
  training=(env -u DISPLAY -u WAYLAND_DISPLAY)
  what=--self-test
fi
train() {
  "$@" unshare -rm sh -c 'mount -t tmpfs kasa /opt && mkdir /opt/kasa &&
    mount --bind "$1" /opt/kasa &&
    KASA_LOG_DIR="$2/logs" JAVA_TOOL_OPTIONS=-Xlog:cds=off /opt/kasa/bin/Kasa "$3" --data "$2/data"' \
    training "$work/$opt" "$work/training" "$what"
}
echo "    training run: $what"
if ! train "${training[@]}" && [ "$what" != --self-test ]; then
  echo "    the window did not open (GTK 3 missing?): training with --self-test instead" >&2
  what=--self-test
  train env -u DISPLAY -u WAYLAND_DISPLAY
fi
sed -i 's|-XX:ArchiveClassesAtExit=\$APPDIR/kasa.jsa|-XX:SharedArchiveFile=$APPDIR/kasa.jsa|' "$cfg"
test -s "$opt/lib/app/kasa.jsa"
# The training run's data folder and logs stay out of the package.
rm -rf training

echo "[5/5] the .deb completed: udev rules, kiosk, the kasa group"
install -D -m 0755 "$files/kasa" "$root/opt/kasa/bin/kasa"
sed -i 's|^Exec=/opt/kasa/bin/Kasa|Exec=/opt/kasa/bin/kasa|' "$root/opt/kasa/lib/kasa-Kasa.desktop"
install -D -m 0644 "$files/60-kasa-pos.rules" "$root/lib/udev/rules.d/60-kasa-pos.rules"
install -D -m 0644 "$files/kasa-kiosk.service" "$root/usr/lib/systemd/user/kasa-kiosk.service"
install -D -m 0644 "$files/kasa-kiosk.desktop" "$root/opt/kasa/lib/kasa-kiosk.desktop"
install -D -m 0755 "$files/kasa-kiosk-setup" "$root/opt/kasa/lib/kasa-kiosk-setup"
# postinst: the group before the rules are read, then udev told; jpackage's own steps stay.
postinst="$root/DEBIAN/postinst"
{
  echo '#!/bin/sh'
  echo '# Added by make-installer.sh: the kasa group for POS devices, and udev reloaded.'
  echo 'if [ "$1" = configure ]; then'
  echo '  getent group kasa >/dev/null || groupadd --system kasa'
  echo '  if command -v udevadm >/dev/null && [ -d /run/udev ]; then'
  echo '    udevadm control --reload-rules || true'
  echo '    udevadm trigger --subsystem-match=usb --subsystem-match=tty --action=add || true'
  echo '  fi'
  echo 'fi'
  tail -n +2 "$postinst"
} >"$postinst.new"
mv "$postinst.new" "$postinst"
# A machine without a desktop menu (a kiosk image built from a server install, a container) is
# still a place to install the register: the menu entry is best effort, not a failed install.
sed -i 's|^xdg-desktop-menu install \(.*\)$|xdg-desktop-menu install \1 \|\| echo "kasa: no desktop menu here; start /opt/kasa/bin/kasa" >\&2|' "$postinst"
sed -i 's|^xdg-desktop-menu uninstall \(.*\)$|xdg-desktop-menu uninstall \1 \|\| true|' "$root/DEBIAN/prerm"
grep -q 'no desktop menu here' "$postinst"
chmod 0755 "$postinst"
# JavaFX's own natives come out of its jars at run time, so jpackage's dependency scan misses
# what they need: GTK 3 for the window, Pango and fontconfig for text, OpenGL (else software).
sed -i 's/^Depends: \(.*\)$/Depends: \1, libgtk-3-0, libpango-1.0-0, libpangoft2-1.0-0, libfontconfig1, libgl1/' \
  "$root/DEBIAN/control"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
rm "$deb"
# (No SOURCE_DATE_EPOCH: the files keep the times the archive was checked against.)
env -u SOURCE_DATE_EPOCH fakeroot dpkg-deb --build -Zxz "$root" "$deb" >/dev/null
rm -rf deb-root
echo "Installer: $work/$deb ($(du -h "$deb" | cut -f1))"
