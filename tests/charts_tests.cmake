# charts: scene-level tests (ticks, scales, labels, every chart kind), golden scene dumps and
# export checks (PDF bytes and text, PNG size, SVG well-formedness, threads).
add_executable(charts_tests
  unit/charts/chart_build_test.cpp
  unit/charts/contrast_test.cpp
  unit/charts/describe_test.cpp
  unit/charts/export_test.cpp
  unit/charts/format_test.cpp
  unit/charts/labels_test.cpp
  unit/charts/many_series_test.cpp
  unit/charts/palette_test.cpp
  unit/charts/patterns_test.cpp
  unit/charts/pdf_painter_test.cpp
  unit/charts/render_scene_test.cpp
  unit/charts/scale_axis_test.cpp
  unit/charts/scales_test.cpp
  unit/charts/scene_dump_test.cpp
  unit/charts/svg_painter_test.cpp
  unit/charts/ticks_test.cpp
  unit/charts/values_table_test.cpp
)
target_link_libraries(charts_tests PRIVATE charts test_support project_warnings)
target_compile_definitions(charts_tests PRIVATE
  CHARTS_GOLDEN_DIR="${CMAKE_CURRENT_SOURCE_DIR}/golden/charts")
catch_discover_tests(charts_tests EXTRA_ARGS -w NoTests TEST_PREFIX "charts:" PROPERTIES LABELS unit)
