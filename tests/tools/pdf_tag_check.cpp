// tests: pdf_tag_check — checks the tagging of PDFs (see tests/support/tag_checker.h).
//   pdf_tag_check [--pdf-ua] FILE.pdf...
// Prints each failure and a summary per file; exit 0 when every file passes, 1 when one
// fails, 2 for a usage error.
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/tag_checker.h"

int main(int argc, char** argv) {
    test::TagCheckOptions options;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--pdf-ua") {
            options.document_level = true;
        } else if (a == "-h" || a == "--help" || (!a.empty() && a[0] == '-')) {
            std::fprintf(a == "-h" || a == "--help" ? stdout : stderr,
                         "usage: pdf_tag_check [--pdf-ua] FILE.pdf...\n"
                         "Checks that every mark on every page is tagged or an artifact, and the\n"
                         "structure tree (standard types, headings, tables, lists, figures' /Alt,\n"
                         "links and their annotations). --pdf-ua also checks /Lang, MarkInfo,\n"
                         "DisplayDocTitle, XMP (dc:title, pdfuaid:part) and /Tabs /S.\n");
            return a == "-h" || a == "--help" ? 0 : 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "pdf_tag_check: no PDF given (try --help)\n");
        return 2;
    }
    int status = 0;
    for (const auto& f : files) {
        test::TagCheckReport r = test::check_tagged_pdf(f, options);
        std::istringstream lines(test::describe(r));
        for (std::string line; std::getline(lines, line);) std::printf("%s: %s\n", f.c_str(), line.c_str());
        if (!r.ok()) status = 1;
    }
    return status;
}
