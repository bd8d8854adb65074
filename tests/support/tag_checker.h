// tests: the tagged-PDF checker — reads a PDF with libqpdf and checks what a PDF/UA validator
// checks by machine about tagging (the Matterhorn Protocol's machine-checkable failure
// conditions on content, structure, tables, lists, headings, figures, notes, links and fonts).
// Used by the e2e suite on every sample report and by the pdf_tag_check command.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace test {

struct TagCheckOptions {
    /// Also check the document-level PDF/UA keys: /Lang, MarkInfo, ViewerPreferences
    /// /DisplayDocTitle, XMP metadata with dc:title and pdfuaid:part, /Tabs /S on pages with
    /// annotations.
    bool document_level = false;
};

struct TagCheckReport {
    /// Each failure names the page (when there is one), what is wrong and the Matterhorn
    /// failure condition, e.g. "page 2: 'Tj' outside tagged content or an artifact (01-005)".
    std::vector<std::string> failures;
    std::map<std::string, int> elements;  ///< structure elements by type ("P" -> 40)
    std::vector<std::string> figure_alts;  ///< each Figure's /Alt, in tree order (UTF-8)
    int pages = 0;
    int tagged_sequences = 0;    ///< marked-content sequences with an MCID
    int artifact_sequences = 0;
    int marks = 0;               ///< text-showing and painting operators seen
    bool ok() const { return failures.empty(); }
};

/// Checks the PDF at `path`. Never throws: an unreadable file is a failure in the report.
TagCheckReport check_tagged_pdf(const std::string& path, const TagCheckOptions& options = {});

/// The report as text: one line per failure, then a one-line summary.
std::string describe(const TagCheckReport& report);

}  // namespace test
