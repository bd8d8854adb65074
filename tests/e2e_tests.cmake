# End-to-end tests: the real binary on the real samples, PDFs read back with poppler and qpdf.
add_executable(e2e_tests
  e2e/alt_text_test.cpp
  e2e/bad_inputs_test.cpp
  e2e/batch_runs_test.cpp
  e2e/board_paper_test.cpp
  e2e/brand_fonts_test.cpp
  e2e/charts_export_test.cpp
  e2e/column_fan_out_test.cpp
  e2e/disclosure_test.cpp
  e2e/document_level_test.cpp
  e2e/error_flow_test.cpp
  e2e/eyqip_test.cpp
  e2e/figures_test.cpp
  e2e/fault_test.cpp
  e2e/flat_memory_test.cpp
  e2e/html_output_test.cpp
  e2e/input_safety_test.cpp
  e2e/long_cell_test.cpp
  e2e/nothing_silent_test.cpp
  e2e/one_number_format_test.cpp
  e2e/operator_test.cpp
  e2e/page_fill_test.cpp
  e2e/peer_challenge_test.cpp
  e2e/data_sources_test.cpp
  e2e/output_safety_test.cpp
  e2e/pdf_size_test.cpp
  e2e/rating_scale_test.cpp
  e2e/tagging_test.cpp
  e2e/tracking_for_success_test.cpp
  e2e/wide_table_test.cpp
  e2e/up_to_date_test.cpp
)
target_link_libraries(e2e_tests PRIVATE test_support tag_checker qpdf::libqpdf nlohmann_json::nlohmann_json project_warnings)
target_compile_definitions(e2e_tests PRIVATE POINTERHOLDER_TRANSITION=4)
# The tools under test, as paths relative to e2e_tests' own folder (tests/support/e2e.h): the
# test files then compile to the same objects in both trees of make test, which the sanitizer
# tree takes from the plain tree's (BOARDPACK_CCACHE).
target_compile_definitions(e2e_tests PRIVATE
  BOARDPACK_EXE="$<PATH:RELATIVE_PATH,$<TARGET_FILE:boardpack>,$<TARGET_FILE_DIR:e2e_tests>>"
  PDF_TAG_CHECK_EXE="$<PATH:RELATIVE_PATH,$<TARGET_FILE:pdf_tag_check>,$<TARGET_FILE_DIR:e2e_tests>>")
add_dependencies(e2e_tests boardpack pdf_tag_check)
# Every sample rendered once per ctest run (run and charts), for the tests that only read the
# outputs (tests/support/sample_outputs.h); one fixture test per sample, so two run at once.
set(BOARDPACK_SAMPLE_OUTPUTS ${CMAKE_CURRENT_BINARY_DIR}/e2e-samples)
file(GLOB sample_batches RELATIVE ${PROJECT_SOURCE_DIR}/samples ${PROJECT_SOURCE_DIR}/samples/*/batch.yaml)
list(TRANSFORM sample_batches REPLACE "/batch.yaml$" "")
foreach(sample ${sample_batches})
  set(name "e2e fixture: the ${sample} sample is rendered and its charts exported once for the tests that read them")
  add_test(NAME "${name}" COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/render_sample.sh $<TARGET_FILE:boardpack>
           ${PROJECT_SOURCE_DIR} ${BOARDPACK_SAMPLE_OUTPUTS} ${sample})
  set_tests_properties("${name}" PROPERTIES FIXTURES_SETUP e2e_samples LABELS e2e)
endforeach()
catch_discover_tests(e2e_tests EXTRA_ARGS -w NoTests TEST_PREFIX "e2e:" PROPERTIES LABELS e2e
  FIXTURES_REQUIRED e2e_samples ENVIRONMENT "BOARDPACK_SAMPLE_OUTPUTS=${BOARDPACK_SAMPLE_OUTPUTS}")
