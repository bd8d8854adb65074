// libFuzzer target: see tests/fuzz/fuzz_entry.h (run_template) and docs/testing.md.
#include "tests/fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::run_template(data, size);
    return 0;
}
