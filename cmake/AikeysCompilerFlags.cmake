# Warning, hardening and reproducibility flags shared by every target through the aikeys_flags
# interface library. Checked on a Release build with `hardening-check` (see docs/packaging.md).
include(CheckCXXCompilerFlag)
include(CheckLinkerFlag)
include(CheckPIESupported)

add_library(aikeys_flags INTERFACE)

if(MSVC)
    target_compile_options(aikeys_flags INTERFACE /W4 /permissive- /utf-8)
    if(AIKEYS_WERROR)
        target_compile_options(aikeys_flags INTERFACE /WX)
    endif()
else()
    target_compile_options(aikeys_flags INTERFACE -Wall -Wextra -Wpedantic)
    # A build stamp would make two builds of the same commit differ.
    check_cxx_compiler_flag(-Wdate-time AIKEYS_HAS_WDATE_TIME)
    if(AIKEYS_HAS_WDATE_TIME)
        target_compile_options(aikeys_flags INTERFACE -Wdate-time)
    endif()
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

# Position-independent executables everywhere (ASLR). The top-level file sets this too; setting it
# here keeps the module right on its own. check_pie_supported() is what makes CMake pass -pie at
# link time for POSITION_INDEPENDENT_CODE executables (policy CMP0083).
if(NOT DEFINED CMAKE_POSITION_INDEPENDENT_CODE)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
endif()
check_pie_supported(OUTPUT_VARIABLE _aikeys_pie_output LANGUAGES CXX)
if(NOT CMAKE_CXX_LINK_PIE_SUPPORTED)
    message(WARNING "The linker cannot make position-independent executables: ${_aikeys_pie_output}")
endif()

set(_aikeys_optimised "$<CONFIG:Release,RelWithDebInfo,MinSizeRel>")

if(NOT MSVC)
    # Hardening that costs next to nothing at run time. Debug builds get it too (except
    # _FORTIFY_SOURCE, which needs optimisation and only warns without it).
    foreach(flag -fstack-protector-strong -fstack-clash-protection)
        string(MAKE_C_IDENTIFIER "AIKEYS_HAS${flag}" _var)
        check_cxx_compiler_flag(${flag} ${_var})
        if(${_var})
            target_compile_options(aikeys_flags INTERFACE ${flag})
        endif()
    endforeach()
    # Intel CET (shadow stack, indirect branch tracking) on x86; arm64's equivalent is
    # -mbranch-protection. Each is only added where this compiler takes it for this target.
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64|i.86)$")
        check_cxx_compiler_flag(-fcf-protection=full AIKEYS_HAS_CF_PROTECTION)
        if(AIKEYS_HAS_CF_PROTECTION)
            target_compile_options(aikeys_flags INTERFACE -fcf-protection=full)
        endif()
    elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$" AND NOT APPLE)
        check_cxx_compiler_flag(-mbranch-protection=standard AIKEYS_HAS_BRANCH_PROTECTION)
        if(AIKEYS_HAS_BRANCH_PROTECTION)
            target_compile_options(aikeys_flags INTERFACE -mbranch-protection=standard)
        endif()
    endif()

    # Level 3 (GCC 12, Clang 16) also checks sizes only known at run time; glibc older than 2.34
    # treats it as 2. Undefined first: some toolchains predefine a lower level.
    set(_aikeys_fortify 2)
    if((CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
       OR (CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 16))
        set(_aikeys_fortify 3)
    endif()
    target_compile_options(aikeys_flags INTERFACE
        "$<${_aikeys_optimised}:-U_FORTIFY_SOURCE>"
        "$<${_aikeys_optimised}:-D_FORTIFY_SOURCE=${_aikeys_fortify}>")

    # ELF: read-only relocations resolved at start-up (full RELRO), no executable stack.
    if(NOT APPLE AND NOT WIN32)
        foreach(flag "LINKER:-z,relro" "LINKER:-z,now" "LINKER:-z,noexecstack")
            string(MAKE_C_IDENTIFIER "AIKEYS_LD_HAS${flag}" _var)
            check_linker_flag(CXX "${flag}" ${_var})
            if(${_var})
                target_link_options(aikeys_flags INTERFACE "${flag}")
            endif()
        endforeach()
    endif()

    # Reproducible builds: no absolute source or build paths in objects, debug info or __FILE__.
    # The build directory comes second so that, when it lies inside the source tree, its longer
    # prefix is the one applied (GCC and Clang try the last matching option first).
    check_cxx_compiler_flag("-ffile-prefix-map=${CMAKE_SOURCE_DIR}=." AIKEYS_HAS_FILE_PREFIX_MAP)
    if(AIKEYS_HAS_FILE_PREFIX_MAP)
        target_compile_options(aikeys_flags INTERFACE
            "-ffile-prefix-map=${CMAKE_SOURCE_DIR}=."
            "-ffile-prefix-map=${CMAKE_BINARY_DIR}=build")
    endif()
else()
    # Buffer security checks, Control Flow Guard, ASLR (high entropy on 64-bit), DEP, and CET
    # shadow-stack compatibility where the linker knows the switch. MSVC builds are not made
    # reproducible here: CMake offers nothing for it (see docs/packaging.md).
    target_compile_options(aikeys_flags INTERFACE /GS /guard:cf)
    target_link_options(aikeys_flags INTERFACE /guard:cf /DYNAMICBASE /NXCOMPAT)
    if(CMAKE_SIZEOF_VOID_P EQUAL 8)
        target_link_options(aikeys_flags INTERFACE /HIGHENTROPYVA)
    endif()
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(AMD64|x86_64)$")
        check_linker_flag(CXX "/CETCOMPAT" AIKEYS_LD_HAS_CETCOMPAT)
        if(AIKEYS_LD_HAS_CETCOMPAT)
            target_link_options(aikeys_flags INTERFACE /CETCOMPAT)
        endif()
    endif()
endif()
