# Install layout (GNUInstallDirs; docs/install.md) and the Debian package (CPack DEB).
#   bin/boardpack                                   the command
#   share/boardpack/{templates,starters,schemas}/   found by the binary (engine/core/data_dir.h)
#   share/doc/boardpack/                            README, docs/*.md
#   share/man/man1/boardpack.1                      the man page (dist/boardpack.1)
#   share/bash-completion/completions/boardpack     bash completion (dist/boardpack.bash-completion)
install(TARGETS boardpack RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
set(BOARDPACK_DATA_DESTINATION "${CMAKE_INSTALL_DATADIR}/boardpack")
install(DIRECTORY templates/ DESTINATION "${BOARDPACK_DATA_DESTINATION}/templates" FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY starters/ DESTINATION "${BOARDPACK_DATA_DESTINATION}/starters")
install(DIRECTORY schemas/ DESTINATION "${BOARDPACK_DATA_DESTINATION}/schemas" FILES_MATCHING PATTERN "*.json")
install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}" FILES_MATCHING PATTERN "*.md")
install(FILES dist/boardpack.1 DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES dist/boardpack.bash-completion DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
  RENAME boardpack)

# ---- the .deb: `make package` (cpack -G DEB in the build folder) -------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME boardpack)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "boardpack maintainers <boardpack@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "board-ready PDF and HTML progress reports from education-project data")
set(CPACK_PACKAGE_DESCRIPTION "boardpack turns education-project datasets (CSV) into board-ready, \
accessible PDF and HTML progress reports: attainment gaps, targets, action plans and charts, \
laid out as a council board paper. One YAML file describes a batch.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Shared libraries: worked out by dpkg-shlibdeps from the binary (libhpdf-2.3.0, libcairo2,
# libpango-1.0-0, libqpdf29, libyaml-cpp0.7, libboost-program-options1.74.0, liblcms2-2 …).
# Files the binary opens at run time: the fonts it embeds (the output intent's sRGB profile is
# built in, engine/pdf/srgb_profile.h).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils, qpdf")
set(CPACK_STRIP_FILES ON)
include(CPack)
