#pragma once
// The engine version written into every result and report: the one number of project(VERSION) in
// the top-level CMakeLists.txt (generated into version.h by the build).
namespace swv {

const char* engine_version();

}  // namespace swv
