# Warning and hardening flags shared by every target through the aikeys_flags interface library.
add_library(aikeys_flags INTERFACE)

if(MSVC)
    target_compile_options(aikeys_flags INTERFACE /W4 /permissive- /utf-8)
    if(AIKEYS_WERROR)
        target_compile_options(aikeys_flags INTERFACE /WX)
    endif()
else()
    target_compile_options(aikeys_flags INTERFACE -Wall -Wextra -Wpedantic)
    if(AIKEYS_WERROR)
        target_compile_options(aikeys_flags INTERFACE -Werror)
    endif()
endif()

# Qt string hygiene: no silent ASCII casts, no QUrl from an unchecked QString.
target_compile_definitions(aikeys_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_STRICT_ITERATORS)

# Release hardening. Debug builds keep sanitizer-friendly defaults.
if(NOT MSVC)
    include(CheckCXXCompilerFlag)
    check_cxx_compiler_flag(-fstack-protector-strong AIKEYS_HAS_STACK_PROTECTOR)
    if(AIKEYS_HAS_STACK_PROTECTOR)
        target_compile_options(aikeys_flags INTERFACE -fstack-protector-strong)
    endif()
    target_compile_options(aikeys_flags INTERFACE
        $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        target_link_options(aikeys_flags INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
    endif()
    include(CheckPIESupported)
    check_pie_supported()
else()
    target_compile_options(aikeys_flags INTERFACE /GS /guard:cf)
    target_link_options(aikeys_flags INTERFACE /guard:cf /DYNAMICBASE /NXCOMPAT)
endif()
