add_executable(engine_tests
  unit/batch_memory_test.cpp
  unit/batch_scope_test.cpp
  unit/block_sources_test.cpp
  unit/chart_table_test.cpp
  unit/civil_date_test.cpp
  unit/config_loader_test.cpp
  unit/coverage_test.cpp
  unit/custom_status_test.cpp
  unit/csv_reader_test.cpp
  unit/data_loaders_test.cpp
  unit/deferred_sync_test.cpp
  unit/entity_groups_test.cpp
  unit/exact_test.cpp
  unit/expander_test.cpp
  unit/figures_test.cpp
  unit/file_io_test.cpp
  unit/font_choice_test.cpp
  unit/fuzz_regressions_test.cpp
  unit/html_writer_test.cpp
  unit/language_tag_test.cpp
  unit/metrics_test.cpp
  unit/observation_table_test.cpp
  unit/suppression_test.cpp
  unit/number_format_test.cpp
  unit/output_filter_test.cpp
  unit/report_layout_test.cpp
  unit/report_structure_test.cpp
  unit/settings_memory_test.cpp
  unit/spill_file_test.cpp
  unit/spilled_settings_test.cpp
  unit/status_contrast_test.cpp
  unit/text_test.cpp
)
target_link_libraries(engine_tests PRIVATE engine_cli engine_batch engine_html engine_layout engine_templating engine_metrics engine_config engine_data
  engine_core fuzz_entry test_support project_warnings)
catch_discover_tests(engine_tests EXTRA_ARGS -w NoTests TEST_PREFIX "engine:" PROPERTIES LABELS unit)
