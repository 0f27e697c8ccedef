#pragma once
// Captures what the process writes to stderr (where the log goes) between construction and finish(), through a
// temporary file, so a test can assert that a secret never reached the log.
#include <unistd.h>

#include <cstdio>
#include <string>

namespace advocacy::testing {

class StderrCapture {
public:
    StderrCapture() : file_(std::tmpfile()), saved_(dup(STDERR_FILENO)) {
        std::fflush(stderr);
        dup2(fileno(file_), STDERR_FILENO);
    }
    ~StderrCapture() { finish(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Restores stderr and returns what was written meanwhile.
    std::string finish() {
        if (saved_ < 0) return captured_;
        std::fflush(stderr);
        dup2(saved_, STDERR_FILENO);
        close(saved_);
        saved_ = -1;
        std::rewind(file_);
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) captured_.append(buffer, n);
        std::fclose(file_);
        return captured_;
    }

private:
    std::FILE* file_;
    int saved_;
    std::string captured_;
};

}  // namespace advocacy::testing
