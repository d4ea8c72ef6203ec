# The one place where the CMake side of the Qt versions we build with (6.4 to 6.8) differs.

# aikeys_add_translations(<target> TS_FILES ... [EXTRA_SOURCES ...] [INCLUDE_DIRECTORIES ...]
#                         [LUPDATE_OPTIONS ...] [RESOURCE_PREFIX p] [OUTPUT_TARGETS var])
# Extracts the strings of <target>'s own sources plus EXTRA_SOURCES into TS_FILES (the
# update_translations target) and embeds the compiled .qm files in <target>.
# Qt 6.4 takes one list of sources in place of the target's; Qt 6.7 and later read the target's
# sources through SOURCE_TARGETS (SOURCES adding to them) and, without SOURCE_TARGETS, defer the
# call to the end of the project, which OUTPUT_TARGETS does not allow.
function(aikeys_add_translations target)
    cmake_parse_arguments(A "" "RESOURCE_PREFIX;OUTPUT_TARGETS"
        "TS_FILES;EXTRA_SOURCES;INCLUDE_DIRECTORIES;LUPDATE_OPTIONS" ${ARGN})
    set(_args TS_FILES ${A_TS_FILES} INCLUDE_DIRECTORIES ${A_INCLUDE_DIRECTORIES}
        LUPDATE_OPTIONS ${A_LUPDATE_OPTIONS} RESOURCE_PREFIX "${A_RESOURCE_PREFIX}"
        OUTPUT_TARGETS _outputs)
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
        qt_add_translations(TARGETS ${target} SOURCE_TARGETS ${target} SOURCES ${A_EXTRA_SOURCES} ${_args})
    else()
        get_target_property(_own ${target} SOURCES)
        qt_add_translations(${target} SOURCES ${_own} ${A_EXTRA_SOURCES} ${_args})
    endif()
    if(A_OUTPUT_TARGETS)
        set(${A_OUTPUT_TARGETS} "${_outputs}" PARENT_SCOPE)
    endif()
endfunction()
