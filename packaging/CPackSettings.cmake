# CPack: .deb (and .rpm where rpmbuild exists) on Linux, NSIS installer and .zip on Windows,
# DragNDrop .dmg on macOS. Included from packaging/CMakeLists.txt after the install rules.
# `cpack` in the build directory makes this platform's packages; `cpack -G WIX` a WiX .msi.
#
# Reproducible: with SOURCE_DATE_EPOCH set in the environment, CPack's archives take their time
# stamps from it (packaging/ci/package-smoke.sh checks two .deb builds are identical).

set(AIKEYS_PACKAGE_MAINTAINER "Atlas AI Keys maintainers <atlas-ai-keys@users.noreply.github.com>"
    CACHE STRING "Maintainer written into the packages (Name <email>)")

set(CPACK_PACKAGE_NAME "${AIKEYS_PACKAGE_NAME}")
set(CPACK_PACKAGE_VENDOR "${AIKEYS_VENDOR}")
set(CPACK_PACKAGE_CONTACT "${AIKEYS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop manager for MongoDB Atlas AI model API keys")
set(CPACK_PACKAGE_DESCRIPTION
    "Atlas AI Keys manages the AI model API keys of MongoDB Atlas (the keys that
authenticate Voyage AI embedding and reranking calls): browse organizations
and projects, create, rename and delete keys, find stale keys and set rate
limits. Credentials stay in the system keychain.

It comes with atlas-ai-keys-cli, a command-line companion for scripts, and
atlas-sim, a local Atlas simulator behind the app's demo mode.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${AIKEYS_DISPLAY_NAME}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "AtlasAiKeys")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_BINARY_DIR}/LICENSE.txt")
# Start-menu entry (NSIS, WiX): executable name, then the shortcut's label.
set(CPACK_PACKAGE_EXECUTABLES "atlas-ai-keys" "${AIKEYS_DISPLAY_NAME}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_VERBATIM_VARIABLES TRUE)

# Source package: the tree without build directories, tool caches and VCS data.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "${AIKEYS_PACKAGE_NAME}-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/node_modules/" "/\\.cache/")

if(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_PACKAGE_FILE_NAME "${AIKEYS_PACKAGE_NAME}-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
    set(CPACK_DMG_VOLUME_NAME "${AIKEYS_DISPLAY_NAME}")
    # The mounted volume's icon (CPACK_PACKAGE_ICON means a header bitmap to NSIS, so only here).
    set(CPACK_PACKAGE_ICON "${AIKEYS_ICNS}")
    set(CPACK_DMG_FORMAT UDZO)
    # The window shows the app and a link to /Applications to drag it onto.
elseif(WIN32)
    set(CPACK_PACKAGE_FILE_NAME "${AIKEYS_PACKAGE_NAME}-${PROJECT_VERSION}-windows-x64")
    set(CPACK_GENERATOR ZIP)
    find_program(AIKEYS_MAKENSIS makensis
        HINTS "$ENV{ProgramFiles}/NSIS" "$ENV{ProgramFiles\(x86\)}/NSIS")
    mark_as_advanced(AIKEYS_MAKENSIS)
    if(AIKEYS_MAKENSIS)
        list(APPEND CPACK_GENERATOR NSIS)
    endif()

    # NSIS: license page, Start-menu entry, uninstaller (registered under Apps & features); an
    # older version is uninstalled first, so an upgrade never leaves stale Qt DLLs behind.
    set(CPACK_NSIS_PACKAGE_NAME "${AIKEYS_DISPLAY_NAME}")
    set(CPACK_NSIS_DISPLAY_NAME "${AIKEYS_DISPLAY_NAME}")
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    file(TO_NATIVE_PATH "${AIKEYS_ICO}" _aikeys_ico_native)
    set(CPACK_NSIS_MUI_ICON "${_aikeys_ico_native}")
    set(CPACK_NSIS_MUI_UNIICON "${_aikeys_ico_native}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\atlas-ai-keys.exe")
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "atlas-ai-keys.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_UNINSTALL_NAME "Uninstall ${AIKEYS_DISPLAY_NAME}")
    # Offers to put bin\ (the CLI) on PATH.
    set(CPACK_NSIS_MODIFY_PATH ON)
    set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${AIKEYS_PACKAGE_MAINTAINER}")
    if(CMAKE_HOST_WIN32)
        # CPack always writes it as "BrandingText /TRIM<position>", which makensis refuses off
        # Windows: the cross-built installer keeps NSIS's own text.
        set(CPACK_NSIS_BRANDING_TEXT "${AIKEYS_DISPLAY_NAME} ${PROJECT_VERSION}")
    else()
        # The cross build's installer is tested under Wine on machines that run no 32-bit programs,
        # so it gets NSIS's 64-bit stub (Debian's nsis has it; the Windows NSIS release does not).
        set(CPACK_NSIS_DEFINES "Target amd64-unicode")
    endif()

    # WiX (cpack -G WIX): the upgrade code must never change, or Windows installs a second copy
    # beside the first instead of upgrading it.
    set(CPACK_WIX_UPGRADE_GUID "62270120-76DC-42AD-B105-A0111403DEE0")
    set(CPACK_WIX_PRODUCT_ICON "${AIKEYS_ICO}")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "${AIKEYS_DISPLAY_NAME}")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
else()
    set(CPACK_GENERATOR DEB)
    find_program(AIKEYS_RPMBUILD rpmbuild)
    mark_as_advanced(AIKEYS_RPMBUILD)
    if(AIKEYS_RPMBUILD)
        list(APPEND CPACK_GENERATOR RPM)
    endif()
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

    # Debian: the library dependencies come from dpkg-shlibdeps; the Qt platform plugins and the
    # keychain service are not linked, so they are named here.
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION utils)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${AIKEYS_PACKAGE_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    find_program(AIKEYS_DPKG_SHLIBDEPS dpkg-shlibdeps)
    mark_as_advanced(AIKEYS_DPKG_SHLIBDEPS)
    if(AIKEYS_DPKG_SHLIBDEPS)
        set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    else()
        message(STATUS "dpkg-shlibdeps not found (package dpkg-dev): a .deb made here lists only "
            "the dependencies named in packaging/CPackSettings.cmake")
    endif()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    # The system keychain QtKeychain talks to: GNOME Keyring or KWallet (or KeePassXC's Secret
    # Service); ca-certificates for TLS to Atlas.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "gnome-keyring | kwalletmanager | keepassxc, ca-certificates, hicolor-icon-theme, qt6-wayland")

    # RPM: requirements found by rpmbuild's automatic dependency scan. CPackRPM takes neither
    # CPACK_PACKAGE_DESCRIPTION nor (for the description) the summary: without these it writes
    # CPack's generic template text. No weak dependency on a keychain: CPack drops Suggests with a
    # warning where rpmbuild does not take it, and RPM desktops install one of their own.
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_SUMMARY "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}")
    set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
    set(CPACK_RPM_PACKAGE_LICENSE "MIT")
    set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
    set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
    # No /usr/lib/.build-id links: they would clash between packages and belong in debuginfo.
    set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")

    # zsh looks for packaged completions in share/zsh/vendor-completions on Debian and in
    # share/zsh/site-functions on Fedora and openSUSE. The install rules use the Debian place (or
    # AIKEYS_ZSH_COMPLETIONDIR); for the .rpm, a script CPack runs on its staging tree, after the
    # install and before rpmbuild, moves the file (the install rules cannot tell the generators
    # apart). The .deb is left as it is.
    set(AIKEYS_RPM_ZSH_COMPLETIONDIR "${CMAKE_INSTALL_DATADIR}/zsh/site-functions" CACHE STRING
        "zsh completions in the .rpm, relative to the prefix")
    mark_as_advanced(AIKEYS_RPM_ZSH_COMPLETIONDIR)
    configure_file("${CMAKE_CURRENT_SOURCE_DIR}/cpack-prebuild.cmake.in"
        "${CMAKE_CURRENT_BINARY_DIR}/cpack-prebuild.cmake" @ONLY)
    set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_BINARY_DIR}/cpack-prebuild.cmake")

    # Directories the package uses but does not own (the filesystem package and others own them).
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/libexec
        /usr/share/applications
        /usr/share/metainfo
        /usr/share/icons
        /usr/share/icons/hicolor
        /usr/share/icons/hicolor/scalable
        /usr/share/icons/hicolor/scalable/apps
        /usr/share/man
        /usr/share/man/man1
        /usr/share/bash-completion
        /usr/share/bash-completion/completions
        /usr/share/zsh
        "/usr/${AIKEYS_RPM_ZSH_COMPLETIONDIR}"
        /usr/share/fish
        /usr/share/fish/vendor_completions.d
        /usr/share/doc)
    foreach(size IN LISTS AIKEYS_ICON_SIZES)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
            "/usr/share/icons/hicolor/${size}x${size}" "/usr/share/icons/hicolor/${size}x${size}/apps")
    endforeach()
endif()

include(CPack)
