#pragma once
// Precision on demand and runs in parts (docs/schalen.md): the options of run (--precisie,
// --max-paden, --deel K/N), writing one part, and the command samenvoegen.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli_common.h"

namespace swv::cli {

void add_scale_options(boost::program_options::options_description& opts);
// The checks that need no scenario (ranges, --precisie with --paden); InputError.
void check_scale_options(const boost::program_options::variables_map& vm, const RunOptions& ro);
// Sets mc.precision and mc.max_paths from the options, else from the scenario's [simulatie]
// (--paden on the command line means a fixed number of paths); InputError on a conflict.
void apply_precision(const boost::program_options::variables_map& vm, const RunOptions& ro, const Scenario& sc, McOptions& mc);
// run --deel K/N: runs part K and writes <uit>/deel-K-van-N.swvdeel atomically.
int run_part(const std::string& spec, const LoadResult& lr, const RunOptions& ro, McOptions mc);
// swvsim samenvoegen DEEL... [--uit MAP]: checks the parts and writes the run's result set.
int cmd_merge(const std::vector<std::string>& args);

}  // namespace swv::cli
