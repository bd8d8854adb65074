# Start-up cost of the boardpack binary (issue 13 item 4, docs/performance.md "One board paper,
# cold, a third time"): the C++ libraries that Debian also ships as static archives (libqpdf.a,
# libyaml-cpp.a, libboost_program_options.a) are linked in, so the dynamic loader no longer maps
# them nor resolves their symbols at every start; with them static, no shared library left needs
# libstdc++.so, so boardpack links libstdc++ statically too. The C libraries (cairo, pango,
# HarfBuzz, FreeType, libharu, zlib, GnuTLS under qpdf) stay shared. dpkg-shlibdeps works the
# package's Depends out from what is left (tests/install/check_deb.sh checks both ways).
# Off for the sanitizer and fuzz builds, whose runtimes want the shared libstdc++.
# Included from the top CMakeLists.txt after find_package and after the targets exist.

if(BOARDPACK_SANITIZE OR BOARDPACK_FUZZ)
  set(_boardpack_static_default OFF)
else()
  set(_boardpack_static_default ON)
endif()
option(BOARDPACK_STATIC_DEPS "Link qpdf, yaml-cpp, Boost.PO and libstdc++ statically into boardpack"
  ${_boardpack_static_default})

# Points an imported target at a static archive, for every configuration it was exported with.
function(boardpack_use_archive target archive)
  if(NOT EXISTS "${archive}")
    message(FATAL_ERROR "BOARDPACK_STATIC_DEPS: ${archive} is missing (scripts/setup.sh installs it)")
  endif()
  get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
  set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION "${archive}")
  if(configs)
    foreach(config IN LISTS configs)
      set_property(TARGET ${target} PROPERTY IMPORTED_LOCATION_${config} "${archive}")
    endforeach()
  endif()
endfunction()

if(BOARDPACK_STATIC_DEPS)
  set(_lib "/usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}")
  boardpack_use_archive(yaml-cpp "${_lib}/libyaml-cpp.a")
  boardpack_use_archive(Boost::program_options "${_lib}/libboost_program_options.a")
  boardpack_use_archive(qpdf::libqpdf "${_lib}/libqpdf.a")
  # What libqpdf.a needs at link time (zlib, libjpeg, GnuTLS), as qpdf's own static target says.
  get_target_property(_qpdf_static_deps qpdf::libqpdf_static INTERFACE_LINK_LIBRARIES)
  set_property(TARGET qpdf::libqpdf APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${_qpdf_static_deps})
  # The shared variant's define only matters on Windows; the archive is the static variant.
  get_target_property(_po_defs Boost::program_options INTERFACE_COMPILE_DEFINITIONS)
  if(_po_defs)
    list(REMOVE_ITEM _po_defs BOOST_PROGRAM_OPTIONS_DYN_LINK)
    set_property(TARGET Boost::program_options PROPERTY INTERFACE_COMPILE_DEFINITIONS "${_po_defs}")
  endif()
endif()

# Linker options of the shipped binary: -O1 (shorter hash chains), --as-needed (no NEEDED entry
# for a library nothing uses) and compact relative relocations (DT_RELR, glibc 2.36).
target_link_options(boardpack PRIVATE -Wl,-O1 -Wl,--as-needed -Wl,-z,pack-relative-relocs
  $<$<BOOL:${BOARDPACK_STATIC_DEPS}>:-static-libstdc++>)
