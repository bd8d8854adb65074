# The real browser check (label "browser"): Debian's chromium driven by playwright-core runs
# axe-core (tests/browser, installed by scripts/setup.sh with npm ci) at WCAG 2.2 AA, at 1280 and
# 320 px wide: every sample's HTML reports, a page of every sample's SVG charts, and a page with
# known violations on which the harness must fail. One browser at a time (RESOURCE_LOCK), but
# not RUN_SERIAL: other tests use the second core while chromium runs. The two Tracking for
# Success checks (53 pages, 64 s and 14 s on a quiet machine) start first (COST, which ctest
# uses until it has timed a run of its own), so the suite does not end on them alone.
find_program(BOARDPACK_NODE node REQUIRED)
set(browser_dir ${CMAKE_CURRENT_SOURCE_DIR}/browser)
foreach(sample accelerating-achievement tracking-for-success eyqip peer-challenge)
  add_test(NAME "browser: the SVG charts of the ${sample} sample have no axe violations at 1280 and 320 px"
    COMMAND ${browser_dir}/check_chart_page.sh $<TARGET_FILE:boardpack>
            ${PROJECT_SOURCE_DIR}/samples/${sample}/batch.yaml)
  set_tests_properties("browser: the SVG charts of the ${sample} sample have no axe violations at 1280 and 320 px"
    PROPERTIES LABELS browser RESOURCE_LOCK browser TIMEOUT 300)
endforeach()
foreach(sample accelerating-achievement tracking-for-success eyqip peer-challenge)
  set(name "browser: every HTML report of the ${sample} sample has no axe violations at 1280 and 320 px")
  add_test(NAME "${name}" COMMAND ${browser_dir}/check_sample_html.sh $<TARGET_FILE:boardpack>
           ${PROJECT_SOURCE_DIR}/samples/${sample}/batch.yaml)
  set_tests_properties("${name}" PROPERTIES LABELS browser RESOURCE_LOCK browser TIMEOUT 600)
endforeach()
add_test(NAME "browser: the axe check fails on a page with known violations and names them"
  COMMAND bash -c "out=$(${BOARDPACK_NODE} \"$0\" \"$1\"); rc=$?; echo \"$out\"; [ $rc -eq 1 ] && grep -q 'image-alt' <<<\"$out\" && grep -q 'html-has-lang' <<<\"$out\" && grep -q 'color-contrast' <<<\"$out\" && grep -q 'scrolls sideways' <<<\"$out\""
          ${browser_dir}/axe_check.mjs ${browser_dir}/fixtures/violations.html)
set_tests_properties("browser: the axe check fails on a page with known violations and names them"
  PROPERTIES LABELS browser RESOURCE_LOCK browser TIMEOUT 300)
set_tests_properties("browser: every HTML report of the tracking-for-success sample has no axe violations at 1280 and 320 px"
  PROPERTIES COST 64)
set_tests_properties("browser: the SVG charts of the tracking-for-success sample have no axe violations at 1280 and 320 px"
  PROPERTIES COST 14)
# The sanitizer tree (configured by scripts/test.sh with BOARDPACK_PLAIN_TREE) runs every test
# but the browser checks; this one shows that the HTML they read in the plain tree is the HTML
# this tree's boardpack writes.
if(BOARDPACK_PLAIN_TREE)
  add_test(NAME "e2e: the sanitizer build writes the same HTML bytes as the plain build, whose browser checks read it"
    COMMAND ${browser_dir}/same_html.sh ${BOARDPACK_PLAIN_TREE}/boardpack $<TARGET_FILE:boardpack>
            ${PROJECT_SOURCE_DIR}/samples accelerating-achievement tracking-for-success eyqip peer-challenge)
  set_tests_properties("e2e: the sanitizer build writes the same HTML bytes as the plain build, whose browser checks read it"
    PROPERTIES LABELS e2e TIMEOUT 300)
endif()
