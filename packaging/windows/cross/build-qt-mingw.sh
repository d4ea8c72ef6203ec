#!/bin/bash
# The Qt for Windows of the cross build: Qt 6.8.2's qtbase and QtKeychain 0.15.0 for
# x86_64-w64-mingw32, built with Debian 13's MinGW-w64 (GCC 14, posix threads) from Debian's own
# source packages, installed into $PREFIX (relocatable) and packed as qt-6.8.2-mingw64.tar.xz in
# $WORK. Run as root inside a Debian 13 (trixie) system: check.sh beside this file runs it in its
# chroot when no prepared tarball is at hand. About 10 minutes for qtbase on 2 idle cores (unity
# build), 1 for QtKeychain. docs/packaging.md says what is in it and what is not.
set -eux
PREFIX=${PREFIX:-/opt/qt6-mingw}
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/src}
mkdir -p "$work" && cd "$work"
# sources from Debian: a deb-src line next to the deb line of the apt sources
grep -q '^deb-src' /etc/apt/sources.list 2>/dev/null || sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >> /etc/apt/sources.list
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dpkg-dev g++-mingw-w64-x86-64-posix \
  mingw-w64-tools cmake ninja-build perl python3 xz-utils qt6-base-dev qt6-base-dev-tools qt6-base-private-dev libtomlplusplus-dev
apt-get source -qq --download-only qt6-base qtkeychain || true   # qtkeychain: only its orig tarball is served
tar xf qt6-base_6.8.2+dfsg.orig.tar.xz
tar xf qtkeychain_0.15.0.orig.tar.gz
# qtbase: Debian's tarball lacks src/3rdparty/wintab (no tablet support); dynamicgl does not build
# without OpenGL; no OpenSSL (Schannel does TLS on Windows).
cmake -S qtbase-everywhere-src-6.8.2 -B b-qtbase -G Ninja -DCMAKE_TOOLCHAIN_FILE="$here/mingw-w64.cmake" \
  -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake -DCMAKE_INSTALL_PREFIX="$PREFIX" \
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_UNITY_BUILD=ON \
  -DFEATURE_sql=OFF -DFEATURE_dbus=OFF -DFEATURE_opengl=OFF -DFEATURE_dynamicgl=OFF -DFEATURE_vulkan=OFF \
  -DFEATURE_printsupport=OFF -DFEATURE_tabletevent=OFF -DFEATURE_openssl=OFF -DFEATURE_schannel=ON \
  -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF -DFEATURE_system_harfbuzz=OFF -DFEATURE_system_freetype=OFF \
  -DFEATURE_system_libpng=OFF -DFEATURE_system_jpeg=OFF
cmake --build b-qtbase -j"${JOBS:-$(nproc)}" && cmake --install b-qtbase
# QtKeychain 0.15.0 passes MSVC's /utf-8 to every Windows compiler
sed -i 's|add_definitions( /utf-8 -DUNICODE )|if(MSVC)\n        add_definitions( /utf-8 )\n    endif()\n    add_definitions( -DUNICODE )|' qtkeychain-0.15.0/qtkeychain/CMakeLists.txt
cmake -S qtkeychain-0.15.0 -B b-qtkeychain -G Ninja -DCMAKE_TOOLCHAIN_FILE="$here/mingw-w64.cmake" -DQT_HOST_PATH=/usr \
  -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF \
  -DBUILD_TEST_APPLICATION=OFF -DCMAKE_BUILD_TYPE=Release
cmake --build b-qtkeychain -j"${JOBS:-$(nproc)}" && cmake --install b-qtkeychain
# toml++ is header-only for this build
mkdir -p "$PREFIX/include" "$PREFIX/lib/cmake/tomlplusplus"
cp -r /usr/include/toml++ "$PREFIX/include/"
cat > "$PREFIX/lib/cmake/tomlplusplus/tomlplusplusConfig.cmake" <<'IN'
if(NOT TARGET tomlplusplus::tomlplusplus)
  add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
  set_target_properties(tomlplusplus::tomlplusplus PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${CMAKE_CURRENT_LIST_DIR}/../../../include"
    INTERFACE_COMPILE_DEFINITIONS "TOML_HEADER_ONLY=1")
endif()
IN
for f in "$PREFIX"/bin/*.dll "$PREFIX"/plugins/*/*.dll; do x86_64-w64-mingw32-strip --strip-unneeded "$f"; done
tar -C "$(dirname "$PREFIX")" -cJf "$work/qt-6.8.2-mingw64.tar.xz" "$(basename "$PREFIX")"
