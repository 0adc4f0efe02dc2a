#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace pw::service {

// Syncs many file descriptors at once. A journaling file system (ext4's jbd2, XFS) folds the
// fsyncs that are in flight together into one journal commit, so N files synced side by side
// cost about as much as one, while N files synced one after the other cost N commits. The
// writer of the message store uses it for the files and the directory of a batch.
class ParallelSync
{
public:
    struct Item
    {
        int fd = -1;
        bool dataOnly = true; // fdatasync for a file's contents, fsync for a directory
    };

    explicit ParallelSync(int threads);
    ~ParallelSync();
    ParallelSync(const ParallelSync&) = delete;
    ParallelSync& operator=(const ParallelSync&) = delete;

    // Hands the items to the helper threads and returns, so that the caller can do other work
    // (the batch's commit) while they sync. The descriptors must stay open until wait() returns;
    // one round at a time.
    void start(std::vector<Item> items);
    // Blocks until every item of start() is synced, taking a share of those no helper has yet;
    // the errno of each item, 0 for success.
    [[nodiscard]] std::vector<int> wait();

private:
    void work();
    // Takes the next item, if any, and syncs it with the lock released; called with the lock held.
    bool runOne(std::unique_lock<std::mutex>& lock);

    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    std::vector<Item> m_items;
    std::vector<int> m_results;
    size_t m_next = 0;
    size_t m_pending = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace pw::service
