#pragma once
// The files of `run --deel K/N` in an output folder (docs/schalen.md): their names, their temporary
// names, cleaning the temporaries of killed parts, and replacing only a part.
//
//  * A part is written as `.deel-K-van-N.swvdeel.tmp-<host>-<pid>`, fsynced and renamed to
//    `deel-K-van-N.swvdeel`. Ctrl-C, SIGTERM and SIGHUP remove the temporary; SIGKILL or a power loss
//    cannot, and a part is large (paths x cells x 4 bytes: gigabytes at scale).
//  * remove_stale_part_temps removes the temporaries whose process is gone: written on this machine
//    (<host> is this host's name) by a process id that no longer exists. Parts are often written into
//    one shared folder by many machines at once; a process id of another machine says nothing here,
//    so those are never touched, nor are the temporaries of swvsim 0.4 (no host in the name).
//  * A part replaces only a part: a file at its name that does not start with the part's mark is the
//    user's, and the run refuses (EnvironmentError, exit 4).
#include <cstdint>
#include <string>
#include <string_view>

namespace swv {

// "deel-K-van-N.swvdeel"
std::string part_file_name(uint32_t k, uint32_t n);
// Whether `name` is such a name (digits without leading zeros).
bool is_part_file_name(std::string_view name);
// The temporary path for part file `name` in `dir`, for this process on this machine.
std::string part_temp_path(const std::string& dir, const std::string& name);
// Removes the temporaries of parts in `dir` left by processes of this machine that no longer exist;
// returns how many. Never throws (a folder that cannot be read is left as it is).
size_t remove_stale_part_temps(const std::string& dir);
// EnvironmentError when `path` exists and is not a part file of swvsim (its first bytes are not the mark).
void refuse_replacing_non_part(const std::string& path);

}  // namespace swv
