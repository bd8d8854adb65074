# pdf stage: write real PDFs and read them back with poppler-utils, qpdf and the QPDF API.
add_executable(pdf_tests
  unit/pdf/object_stream_packer_test.cpp
  unit/pdf/pdf_document_level_test.cpp
  unit/pdf/pdf_fixtures.cpp
  unit/pdf/page_text_test.cpp
  unit/pdf/pdf_writer_test.cpp
  unit/pdf/tagged_pdf_test.cpp
  unit/pdf/to_unicode_cmap_test.cpp
)
target_link_libraries(pdf_tests PRIVATE engine_pdf test_support tag_checker PkgConfig::CAIRO qpdf::libqpdf hpdf::hpdf
  Threads::Threads project_warnings)
target_compile_definitions(pdf_tests PRIVATE POINTERHOLDER_TRANSITION=4)
catch_discover_tests(pdf_tests EXTRA_ARGS -w NoTests TEST_PREFIX "pdf:" PROPERTIES LABELS unit)
