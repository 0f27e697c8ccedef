#pragma once
// A fresh directory under the system temp dir, removed with everything in it when the object dies.
#include <filesystem>
#include <string>

namespace advocacy::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace advocacy::testing
