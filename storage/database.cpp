// Database: opens the file, migrates it, and routes writes to the writer thread and reads to the reader pool.
#include "storage/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "storage/migrations.hpp"
#include "storage/reader_pool.hpp"
#include "storage/writer.hpp"

namespace advocacy::storage {

namespace {
// ":memory:" gets a private temporary file instead, removed on close: the writer and the readers need one shared
// database, and WAL needs a file.
struct ScratchFile {
    std::filesystem::path file;
    ScratchFile() = default;
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    ~ScratchFile() {
        if (file.empty()) return;
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ignored);
    }
    void create() {
        std::string pattern = (std::filesystem::temp_directory_path() / "advocacy-memory-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw StorageError("cannot create a temporary file for the :memory: database");
        ::close(fd);
        file = pattern;
    }
};
}  // namespace

struct Database::Impl {
    ScratchFile scratch;  // first: removed after every connection has closed
    std::filesystem::path path;
    std::unique_ptr<ReaderPool> readers;
    std::unique_ptr<Writer> writer;  // after readers: destroyed first, so pending writes drain while readers exist
};

namespace {

// The volume itself is mounted read-only: SQLite only says "unable to open database file" (it needs the -shm file).
bool on_read_only_file_system(const std::filesystem::path& file) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    struct statvfs fs {};
    return ::statvfs(dir.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

std::string describe_failure(const std::filesystem::path& file, const SQLite::Exception& e) {
    const std::string name = file.string();
    if (on_read_only_file_system(file))
        return "cannot open database " + name + ": its file system is read-only (" + e.what() +
               "); the bot needs to write there: mount it read-write";
    switch (e.getErrorCode()) {
        case SQLITE_NOTADB:
            return "cannot open database " + name + ": the file is not an SQLite database (" + e.what() + ")";
        case SQLITE_CANTOPEN:
            return "cannot open database " + name + ": " + e.what() + " (does the directory exist and is it writable?)";
        case SQLITE_READONLY:
            return "cannot open database " + name + ": the file is read-only (" + e.what() + ")";
        default:
            return "cannot open database " + name + ": " + e.what();
    }
}

std::unique_ptr<SQLite::Database> open_writer(const std::filesystem::path& file, const DatabaseOptions& options) {
    auto db = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 static_cast<int>(options.busy_timeout.count()));
    const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
        throw StorageError("cannot open database " + file.string() + ": WAL mode refused (journal mode is " + mode +
                           ")");
    db->exec("PRAGMA synchronous = FULL");  // a commit is on disk when write() returns
    db->exec("PRAGMA foreign_keys = ON");
    return db;
}

std::unique_ptr<Connection> open_reader(const std::filesystem::path& file, const DatabaseOptions& options) {
    auto db = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE,
                                                 static_cast<int>(options.busy_timeout.count()));
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA query_only = ON");  // readers never write, even by mistake
    return std::make_unique<Connection>(std::move(db));
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::filesystem::path& file, DatabaseOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->path = file;
    try {
        std::filesystem::path on_disk = file;
        if (file == ":memory:") {
            impl->scratch.create();
            on_disk = impl->scratch.file;
        }
        auto writer_db = open_writer(on_disk, options);
        migrate(*writer_db, file, migrations());
        std::vector<std::unique_ptr<Connection>> readers;
        for (int i = 0; i < std::max(1, options.reader_connections); ++i)
            readers.push_back(open_reader(on_disk, options));
        impl->readers = std::make_unique<ReaderPool>(std::move(readers));
        impl->writer = std::make_unique<Writer>(std::make_unique<Connection>(std::move(writer_db)), options.max_batch);
    } catch (const StorageError&) {
        throw;
    } catch (const SQLite::Exception& e) {
        throw StorageError(describe_failure(file, e));
    } catch (const std::exception& e) {
        throw StorageError("cannot open database " + file.string() + ": " + e.what());
    }
    return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Database::~Database() = default;

void Database::write(const std::function<void(Connection&)>& job) { impl_->writer->write(job); }

std::future<void> Database::write_async(std::function<void(Connection&)> job) {
    return impl_->writer->submit(std::move(job));
}

void Database::read(const std::function<void(Connection&)>& job) { impl_->readers->run(job); }

int Database::schema_version() { return static_cast<int>(migrations().size()); }

const std::filesystem::path& Database::path() const { return impl_->path; }

Database::WriterStats Database::writer_stats() const { return impl_->writer->stats(); }

}  // namespace advocacy::storage
