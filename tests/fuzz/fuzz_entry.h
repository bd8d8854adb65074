// fuzz: the entry points the fuzz targets (libFuzzer, clang) and the regression test (Catch2,
// gcc) share, so an input found by fuzzing is replayed through exactly the same code.
// Each writes the input to a private scratch file and runs the engine's reader on it; a bad
// input may report diagnostics (that is the point), it must never crash, hang or throw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace fuzz {

/// First byte picks the loader (observations tidy / wide, meta, targets, actions, entities,
/// records, activities); the rest is the CSV. Returns the number of errors reported.
std::size_t run_csv(const std::uint8_t* data, std::size_t size);

/// The whole input is a batch.yaml, read by config::load_batch_config.
std::size_t run_config(const std::uint8_t* data, std::size_t size);

/// First byte even: the rest is a template file for templating::load_template. Odd: the rest is
/// one template string expanded against a small fixed context by templating::Expander.
std::size_t run_template(const std::uint8_t* data, std::size_t size);

/// Names of the loaders run_csv picks by `first byte % csv_loader_count()`.
std::size_t csv_loader_count();
std::string csv_loader_name(std::size_t i);

}  // namespace fuzz
