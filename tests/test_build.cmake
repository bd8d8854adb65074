# What the four Catch2 test binaries cost to compile (docs/testing.md, "Build cost"), in both
# trees of make test. Test code is built at -O0 (the libraries and the shipped binary keep the
# build type's -O2): what it runs is mostly the libraries' code and the processes it starts.
# In the sanitizer tree (BOARDPACK_SANITIZE) the test files are not instrumented either: the
# libraries, boardpack and pdf_tag_check that they drive are, and the runtime is linked in.
#
# Unity build in groups: the files of one group are compiled as one translation unit, so
# Catch2's single header and the std and third-party headers are parsed once per group, not
# once per file. Files of one group must not share a file-local name (many e2e files have their
# own `Rendered`, `rendered()`, `kFixture`, `kFanout`, ...), so the groups are chosen by hand
# (tests/tools/unity_groups.py prints a grouping without such clashes; a file's `using namespace`
# can still make another file's name ambiguous, which the compiler reports: observation_table_test
# and engine::data's Value stay apart from the engine::templating files). A file in no group is
# compiled on its own, as before: a new test file needs no entry here.
function(boardpack_test_build target dir)
  if(NOT TARGET ${target})
    return()
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP)
  set(n 0)
  foreach(group IN LISTS ARGN)
    separate_arguments(files UNIX_COMMAND "${group}")
    list(TRANSFORM files PREPEND "${dir}/")
    set_source_files_properties(${files} PROPERTIES UNITY_GROUP "${target}_${n}")
    math(EXPR n "${n} + 1")
  endforeach()
  # Replaces the directory's options (in the sanitizer tree: its -fsanitize and -O1) for this
  # target's own files; the warnings come from project_warnings as before.
  set_property(TARGET ${target} PROPERTY COMPILE_OPTIONS -O0)
endfunction()

boardpack_test_build(e2e_tests e2e
  "column_fan_out_test.cpp one_number_format_test.cpp peer_challenge_test.cpp"
  "bad_inputs_test.cpp board_paper_test.cpp nothing_silent_test.cpp"
  "brand_fonts_test.cpp long_cell_test.cpp tracking_for_success_test.cpp"
  "charts_export_test.cpp input_safety_test.cpp tagging_test.cpp"
  "html_output_test.cpp rating_scale_test.cpp up_to_date_test.cpp"
  "data_sources_test.cpp figures_test.cpp operator_test.cpp"
  "batch_runs_test.cpp disclosure_test.cpp page_fill_test.cpp pdf_size_test.cpp"
  "alt_text_test.cpp error_flow_test.cpp eyqip_test.cpp wide_table_test.cpp"
  "document_level_test.cpp fault_test.cpp output_safety_test.cpp"
)
boardpack_test_build(engine_tests unit
  "chart_table_test.cpp config_loader_test.cpp expander_test.cpp file_io_test.cpp metrics_test.cpp"
  "civil_date_test.cpp data_loaders_test.cpp fuzz_regressions_test.cpp language_tag_test.cpp report_layout_test.cpp suppression_test.cpp"
  "csv_reader_test.cpp figures_test.cpp font_choice_test.cpp html_writer_test.cpp text_test.cpp"
  "coverage_test.cpp custom_status_test.cpp entity_groups_test.cpp number_format_test.cpp output_filter_test.cpp status_contrast_test.cpp"
  "batch_memory_test.cpp batch_scope_test.cpp block_sources_test.cpp report_structure_test.cpp"
  "exact_test.cpp observation_table_test.cpp settings_memory_test.cpp"
)
boardpack_test_build(charts_tests unit/charts
  "chart_build_test.cpp export_test.cpp scale_axis_test.cpp ticks_test.cpp values_table_test.cpp"
  "describe_test.cpp patterns_test.cpp pdf_painter_test.cpp render_scene_test.cpp scales_test.cpp scene_dump_test.cpp"
  "contrast_test.cpp format_test.cpp labels_test.cpp many_series_test.cpp palette_test.cpp svg_painter_test.cpp"
)
boardpack_test_build(pdf_tests unit/pdf
  "pdf_writer_test.cpp"
  "pdf_document_level_test.cpp to_unicode_cmap_test.cpp"
  "pdf_fixtures.cpp tagged_pdf_test.cpp"
)
