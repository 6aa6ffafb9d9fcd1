#include "scale_cmds.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>

#include "output_set.h"
#include "part_files.h"
#include "part_input.h"
#include "format_nl.h"
#include "run_set.h"
#include "shard.h"
#include "thread_limit.h"
#include "validate.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace swv::cli {

void add_scale_options(po::options_description& opts) {
  opts.add_options()("precisie", po::value<double>(),
                     "precisie op verzoek: paden in rondes van 4.096 tot elke kans een standaardfout van ten hoogste dit heeft "
                     "(bijv. 0.005); niet samen met --paden")(
      "max-paden", po::value<int64_t>(), "hoogstens zoveel paden bij --precisie (standaard 1.000.000)")(
      "deel", po::value<std::string>(), "K/N: reken alleen deel K van N en schrijf <uit>/deel-K-van-N.swvdeel (swvsim samenvoegen)");
}

void check_scale_options(const po::variables_map& vm, const RunOptions& ro) {
  if (vm.count("precisie")) {
    const double p = vm["precisie"].as<double>();
    if (!(p > 0 && p <= 0.5))
      throw InputError("--precisie is de grootste standaardfout van een kans: kies een getal groter dan 0 en ten hoogste 0.5 (bijvoorbeeld 0.005)");
    if (ro.paths) throw InputError("--precisie en --paden gaan niet samen: met --precisie kiest swvsim het aantal paden (hoogstens --max-paden)");
    if (vm.count("deel")) throw InputError("--deel werkt met een vast aantal paden, niet met --precisie");
  }
  if (vm.count("max-paden")) {
    const int64_t n = vm["max-paden"].as<int64_t>();
    if (n < 1) throw InputError("--max-paden moet ten minste 1 zijn");
    if (n > kMaxPaths) throw InputError("--max-paden mag hoogstens " + num_nl(static_cast<double>(kMaxPaths)) + " zijn");
  }
}

void apply_precision(const po::variables_map& vm, const RunOptions& ro, const Scenario& sc, McOptions& mc) {
  const bool given = vm.count("precisie") > 0;
  double precision = given ? vm["precisie"].as<double>() : ro.paths ? 0.0 : sc.precision;
  if (sc.mode == Mode::Deterministic) {
    if (given) throw InputError("--precisie geldt voor Monte Carlo, niet voor de deterministische modus");
    precision = 0;
  }
  if (vm.count("max-paden") && precision <= 0)
    throw InputError("--max-paden geldt alleen bij precisie op verzoek (--precisie, of simulatie.precisie in het scenario)");
  if (vm.count("deel") && precision > 0)
    throw InputError("--deel werkt met een vast aantal paden; het scenario vraagt precisie op verzoek (simulatie.precisie): geef --paden N");
  mc.precision = precision;
  mc.max_paths = vm.count("max-paden") ? vm["max-paden"].as<int64_t>() : sc.max_paths;
}

namespace {

// The temporary file of a part, removed unless it was renamed into place.
struct TempFile {
  std::string path;
  bool keep = false;
  ~TempFile() {
    if (!keep) ::unlink(path.c_str());
  }
};

}  // namespace

int run_part(const std::string& spec, const LoadResult& lr, const RunOptions& ro, McOptions mc) {
  static const std::regex form("([0-9]{1,9})/([0-9]{1,9})");
  std::smatch m;
  if (!std::regex_match(spec, m, form))
    throw InputError("--deel verwacht K/N, deel K van N delen (bijvoorbeeld --deel 2/8), niet \"" + spec + "\"");
  const uint32_t k = static_cast<uint32_t>(std::stoul(m[1])), n = static_cast<uint32_t>(std::stoul(m[2]));
  if (k < 1 || n < 1 || k > n) throw InputError("--deel " + spec + ": K moet 1 tot en met N zijn (deel K van N delen)");
  const Scenario& sc = *lr.scenario;
  if (sc.mode == Mode::Deterministic) throw InputError("--deel geldt voor Monte Carlo, niet voor de deterministische modus");

  const std::string dir = ro.dir.empty() ? "uitvoer/" + slug(sc.name) : ro.dir;
  refuse_unsafe_folder(dir);
  fs::create_directories(dir);
  const std::string name = part_file_name(k, n);
  const std::string path = (fs::path(dir) / name).string();
  refuse_replacing_non_part(path);  // before computing; again before the rename
  remove_stale_part_temps(dir);     // of parts killed on this machine (SIGKILL, a power loss)
  TempFile tmp{part_temp_path(dir, name)};
  Progress progress;
  mc.progress = &progress;
  install_sigint();
  ShardHeader h;
  {
    std::ofstream out(tmp.path, std::ios::binary | std::ios::trunc);
    if (!out) throw_environment("kan " + path + " niet schrijven", errno);
    std::optional<ProgressBar> bar;
    if (!ro.quiet && isatty(STDERR_FILENO)) bar.emplace(progress);
    h = run_shard(sc, k, n, mc, out);  // RunError, Cancelled: tmp is removed
    out.flush();
    if (!out) throw_environment("schrijven naar " + path + " mislukt", errno != 0 ? errno : EIO);
  }
  // Complete on disk before it gets its name: a part is there whole or not at all.
  const int fd = ::open(tmp.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw_environment("schrijven naar " + path + " mislukt", err);
  }
  ::close(fd);
  check_cancel();
  refuse_replacing_non_part(path);
  if (::rename(tmp.path.c_str(), path.c_str()) != 0) throw_environment("kan " + path + " niet vervangen", errno);
  tmp.keep = true;
  std::cout << "Deel " << k << " van " << n << ": paden " << int_nl(static_cast<int64_t>(h.first_path)) << " tot "
            << int_nl(static_cast<int64_t>(h.last_path)) << " van " << int_nl(static_cast<int64_t>(h.paths)) << " (zaad " << h.seed << ")\n"
            << "  " << shown(path) << " (" << num_nl(static_cast<double>(fs::file_size(path)) / (1 << 20), 1) << " MB)\n";
  return kOk;
}

int cmd_merge(const std::vector<std::string>& args) {
  po::options_description opts("Opties van samenvoegen");
  opts.add_options()("help,h", "deze hulp")("uit", po::value<std::string>(), "uitvoermap (standaard uitvoer/<scenarionaam>/)")(
      "formaat", po::value<std::string>(), "kommalijst van json,html,xlsx,csv,md (standaard: alle)")(
      "threads", po::value<int>(), "aantal threads (standaard: alle kernen); de uitkomst hangt er niet van af")(
      "geheugen", po::value<int64_t>(), "geheugen in MB (standaard 1024)")("stil", "geen voortgangsbalk of tabel")(
      "geen-kaderbrief", "sla het kaderbriefbedrag op pagina 1 over, zoals run --geen-kaderbrief");
  const po::variables_map vm = parse_command(args, opts, "delen", -1);
  if (vm.count("help")) {
    std::cout << "swvsim samenvoegen DEEL... [--uit MAP]\n\nVoegt de delen van swvsim run --deel K/N samen tot precies het resultaat van één run\n"
                 "(resultaat.json en de rapporten). Alle delen 1 tot en met N van hetzelfde scenario, zaad en aantal\n"
                 "paden moeten er precies één keer bij zijn; de volgorde doet er niet toe (docs/schalen.md).\n\n"
              << opts;
    return kOk;
  }
  if (!vm.count("delen")) throw InputError("geef de deelbestanden op: swvsim samenvoegen DEEL... --uit MAP");
  const std::vector<std::string> files = vm["delen"].as<std::vector<std::string>>();
  RunOptions ro;
  ro.formats = parse_formats(vm.count("formaat") ? std::optional<std::string>(vm["formaat"].as<std::string>()) : std::nullopt,
                             {"json", "html", "xlsx", "csv", "md"});
  ro.quiet = vm.count("stil") > 0;
  ro.kaderbrief = !vm.count("geen-kaderbrief");
  McOptions mc;
  if (vm.count("threads") && vm["threads"].as<int>() < 1) throw InputError("--threads moet ten minste 1 zijn");
  if (const std::optional<size_t> memory = memory_budget(vm)) mc.memory_budget = *memory;
  mc.cancel = &g_cancel;
  mc.threads = settle_threads(vm.count("threads") ? vm["threads"].as<int>() : 0);

  auto open = [&](size_t i) { return open_part(files[i]); };
  const std::vector<ShardHeader> headers = read_part_headers(files);  // every problem of every part, or none
  // The scenario as run was given it (relative to this folder), else where it was then.
  const ShardHeader& first = *std::min_element(headers.begin(), headers.end(), [](const auto& a, const auto& b) { return a.k < b.k; });
  std::error_code ec;
  const std::string file = fs::exists(first.scenario_file, ec) ? first.scenario_file : first.scenario_path;
  LoadResult lr = load_or_report(file);
  if (!lr.scenario) return kInput;
  Scenario& sc = *lr.scenario;
  sc.mode = Mode::MonteCarlo, sc.paths = static_cast<int64_t>(first.paths), sc.seed = first.seed;

  const std::string dir = vm.count("uit") ? vm["uit"].as<std::string>() : "uitvoer/" + slug(sc.name);
  OutputSet set(dir, run_set_files(), run_set_files(ro.formats));
  install_sigint();
  Progress progress;
  mc.progress = &progress;
  std::optional<Result> r;
  {
    std::optional<ProgressBar> bar;
    if (!ro.quiet && isatty(STDERR_FILENO)) bar.emplace(progress);
    r = merge_shards(sc, headers, files, open, lr.diags.warnings(), mc);
  }
  for (size_t i = lr.diags.warnings().size(); i < r->warnings.size(); ++i) std::cerr << shown(r->warnings[i]) << "\n";
  return write_run_result(set, sc, complete_run(sc, std::move(*r), ro), ro);
}

}  // namespace swv::cli
