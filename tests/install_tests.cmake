# Installing and operating boardpack like a Debian tool (tests/install/): the .deb, the man
# page, the bash completion, the scheduling examples and deploy/. Shell and Python scripts
# that run the real binary and the real Debian tools (cpack, dpkg-deb, dpkg, apt-get
# --simulate, systemd-analyze, man).
set(INSTALL_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/install)
add_test(NAME "install: the deb depends on the Debian runtime packages and its installed binary runs outside the source tree"
  COMMAND bash ${INSTALL_TESTS}/check_deb.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
add_test(NAME "install: the man page describes every command and option of the binary's help"
  COMMAND bash ${INSTALL_TESTS}/check_man_page.sh $<TARGET_FILE:boardpack> ${PROJECT_SOURCE_DIR}/dist/boardpack.1)
add_test(NAME "install: bash completion offers the commands options and values of the binary's help"
  COMMAND bash ${INSTALL_TESTS}/check_completion.sh $<TARGET_FILE:boardpack>
  ${PROJECT_SOURCE_DIR}/dist/boardpack.bash-completion ${PROJECT_SOURCE_DIR})
add_test(NAME "install: the systemd units of the scheduling docs pass systemd-analyze verify and the cron line parses"
  COMMAND bash ${INSTALL_TESTS}/check_units.sh ${PROJECT_SOURCE_DIR}/docs/scheduling.md $<TARGET_FILE:boardpack>)
add_test(NAME "deploy: the Dockerfile installs the deb as a non-root user and the Indexed Job's args render its shard"
  COMMAND /usr/bin/python3 ${INSTALL_TESTS}/check_deploy.py ${PROJECT_SOURCE_DIR} $<TARGET_FILE:boardpack>)
set_tests_properties(
  "install: the deb depends on the Debian runtime packages and its installed binary runs outside the source tree"
  "install: the man page describes every command and option of the binary's help"
  "install: bash completion offers the commands options and values of the binary's help"
  "install: the systemd units of the scheduling docs pass systemd-analyze verify and the cron line parses"
  "deploy: the Dockerfile installs the deb as a non-root user and the Indexed Job's args render its shard"
  PROPERTIES LABELS install)
